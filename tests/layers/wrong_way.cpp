// Compiled only by the layer tests (tests/layers/CMakeLists.txt), never as part of a program: an
// include a layer must not make, which must fail to compile. LAYER_INCLUDE names the header.
#include LAYER_INCLUDE
