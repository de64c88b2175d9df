#pragma once

#include <QByteArray>
#include <QString>

// Passwords and session tokens for ibc-store, on libsodium. Thread safe.
//
// Passwords are hashed with Argon2id at libsodium's interactive limits (crypto_pwhash_str), so a
// hash carries its own salt and parameters. Tokens are 256 random bits; the store keeps only
// their hash, so a copy of the database does not hand out sessions.
namespace ibc::sync::passwords {

// An Argon2id hash of `password` in libsodium's string form ("$argon2id$v=19$m=65536,t=2,p=1$…").
// Throws std::runtime_error if the system cannot spare the memory.
QByteArray hash(const QString &password);

// Whether `password` matches `hash`. A hash that is empty or unusable (an account that has no
// password, a damaged row) is replaced by a fixed dummy hash of the same cost, so that the answer
// "no" takes as long whatever the reason.
bool verify(const QByteArray &hash, const QString &password);

// How many Argon2id verifications this process has made: each verify() makes exactly one, whatever
// the hash, which is what keeps a refusal's cost the same for every reason (tests count on it).
quint64 verifications();

// The dummy hash `verify` checks against; made once per process, the first time it is needed.
// Call it early (at start-up) so that the first sign-in is not the slow one.
const QByteArray &dummyHash();

// A new session token: 32 bytes from the system's random source, base64url without padding.
QString newToken();

// What the store keeps of a token: its 32-byte BLAKE2b hash.
QByteArray tokenHash(const QString &token);

} // namespace ibc::sync::passwords
