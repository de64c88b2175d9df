#pragma once

// A TCP echo server on 127.0.0.1 for tests: every byte a client sends comes back to it, in order,
// until the client closes its side. Runs on a thread of its own; every function may be called
// from any thread.

#include <QtGlobal>

#include <memory>

namespace ibc::test {

class EchoServer {
public:
    EchoServer();
    ~EchoServer(); // stop()
    EchoServer(const EchoServer &) = delete;
    EchoServer &operator=(const EchoServer &) = delete;

    quint16 start(); // the port, or 0 on failure
    quint16 port() const;
    quint64 connections() const; // accepted so far
    void stop();                 // closes everything and joins; safe to call twice

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace ibc::test
