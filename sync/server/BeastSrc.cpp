// Boost.Asio and Boost.Beast, compiled once for every target that links ibc_asio: that target defines
// BOOST_ASIO_SEPARATE_COMPILATION and BOOST_BEAST_SEPARATE_COMPILATION, so that the other
// translation units include only declarations, and each costs less time and memory to build.
#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
#include <boost/beast/src.hpp>
