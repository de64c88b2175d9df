#include "store/Passwords.h"

#include <atomic>

#include <sodium.h>

#include <stdexcept>

namespace ibc::sync::passwords {

namespace {

void initSodium()
{
    static const bool ok = sodium_init() >= 0;
    if (!ok)
        throw std::runtime_error("libsodium could not be initialised");
}

bool usable(const QByteArray &hash)
{
    // crypto_pwhash_str_verify answers at once for a string that is not an Argon2id hash; only a
    // real hash costs the full work.
    return hash.startsWith("$argon2id$") && hash.size() < crypto_pwhash_STRBYTES;
}

} // namespace

QByteArray hash(const QString &password)
{
    initSodium();
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), quint64(utf8.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("not enough memory to hash a password");
    return QByteArray(out);
}

const QByteArray &dummyHash()
{
    // A hash of a random password nobody knows, at the same cost as every real one.
    static const QByteArray dummy = [] {
        initSodium();
        unsigned char secret[32];
        randombytes_buf(secret, sizeof secret);
        return hash(QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(secret), sizeof secret).toHex()));
    }();
    return dummy;
}

namespace {
std::atomic<quint64> g_verifications{0};
}

quint64 verifications() { return g_verifications.load(); }

bool verify(const QByteArray &hash, const QString &password)
{
    initSodium();
    ++g_verifications;
    const bool real = usable(hash);
    const QByteArray &against = real ? hash : dummyHash();
    const QByteArray utf8 = password.toUtf8();
    const bool match = crypto_pwhash_str_verify(against.constData(), utf8.constData(), quint64(utf8.size())) == 0;
    return real && match;
}

QString newToken()
{
    initSodium();
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char text[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(text, sizeof text, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(bytes, sizeof bytes);
    return QString::fromLatin1(text);
}

QByteArray tokenHash(const QString &token)
{
    initSodium();
    const QByteArray utf8 = token.toUtf8();
    QByteArray out(crypto_generichash_BYTES, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(out.data()), std::size_t(out.size()),
                       reinterpret_cast<const unsigned char *>(utf8.constData()), std::size_t(utf8.size()), nullptr, 0);
    return out;
}

} // namespace ibc::sync::passwords
