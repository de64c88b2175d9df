#include "StoreHarness.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <csignal>

namespace ibc::test {

QString storeBinary() { return QStringLiteral(IBC_STORE_BIN); }

QString newUuid() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

CliResult runCli(const QStringList &args, const QByteArray &input, int timeoutMs)
{
    QProcess p;
    p.start(storeBinary(), args);
    CliResult r;
    if (!p.waitForStarted(10000)) {
        r.err = p.errorString().toUtf8();
        return r;
    }
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// ---- StoreProcess

StoreProcess::StoreProcess() : m_db(m_dir.filePath(QStringLiteral("store.db")))
{
    // For a post-mortem: IBC_KEEP_TEST_DIRS=1 keeps each store and its server's log.
    if (qEnvironmentVariableIsSet("IBC_KEEP_TEST_DIRS")) {
        m_dir.setAutoRemove(false);
        qInfo("ibc-store test directory: %s", qPrintable(m_dir.path()));
    }
}

StoreProcess::~StoreProcess()
{
    if (running())
        kill();
}

bool StoreProcess::seed(int items, int seed)
{
    const CliResult r = runCli({QStringLiteral("seed"), QStringLiteral("--db"), m_db, QStringLiteral("--items"),
                                QString::number(items), QStringLiteral("--seed"), QString::number(seed)});
    if (r.exitCode != 0)
        m_error = QString::fromUtf8(r.err + r.out);
    return r.exitCode == 0;
}

bool StoreProcess::addUser(const QString &username, const QString &role, const QString &partners,
                           const QString &password)
{
    QStringList args{QStringLiteral("user"),       QStringLiteral("add"),
                     QStringLiteral("--db"),       m_db,
                     QStringLiteral("--username"), username,
                     QStringLiteral("--role"),     role};
    if (!partners.isEmpty())
        args << QStringLiteral("--partners") << partners;
    const CliResult r = runCli(args, password.toUtf8() + '\n');
    if (r.exitCode != 0)
        m_error = QString::fromUtf8(r.err + r.out);
    return r.exitCode == 0;
}

bool StoreProcess::start(const QStringList &extra)
{
    const QString logPath = m_dir.filePath(QStringLiteral("serve.log"));
    const qint64 from = QFileInfo::exists(logPath) ? QFileInfo(logPath).size() : 0;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(logPath, QIODevice::Append);
    m_process->start(storeBinary(), QStringList{QStringLiteral("serve"), QStringLiteral("--db"), m_db,
                                                QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} +
                                        extra);
    if (!m_process->waitForStarted(10000)) {
        m_error = m_process->errorString();
        return false;
    }
    ++m_starts;
    static const QRegularExpression listening(QStringLiteral("serving .* on (https?://127\\.0\\.0\\.1:(\\d+))"));
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        QFile f(logPath);
        if (f.open(QIODevice::ReadOnly)) {
            f.seek(from);
            const auto m = listening.match(QString::fromUtf8(f.readAll()));
            if (m.hasMatch()) {
                m_url = m.captured(1);
                m_port = quint16(m.captured(2).toUInt());
                return true;
            }
        }
        if (m_process->state() == QProcess::NotRunning) {
            m_error = QStringLiteral("ibc-store serve exited: ") + log();
            return false;
        }
        QThread::msleep(20);
    }
    m_error = QStringLiteral("ibc-store serve did not say where it listens: ") + log();
    return false;
}

bool StoreProcess::running() const { return m_process && m_process->state() != QProcess::NotRunning; }

void StoreProcess::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(10000);
}

int StoreProcess::terminate()
{
    if (!running())
        return -1;
    ::kill(pid_t(m_process->processId()), SIGTERM);
    if (!m_process->waitForFinished(30000)) {
        kill();
        return -1;
    }
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

void StoreProcess::sendSignal(int signal)
{
    if (running())
        ::kill(pid_t(m_process->processId()), signal);
}

int StoreProcess::waitForExit(int timeoutMs)
{
    if (!m_process || (running() && !m_process->waitForFinished(timeoutMs)))
        return -1;
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

QString StoreProcess::log() const
{
    QFile f(m_dir.filePath(QStringLiteral("serve.log")));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// ---- Http

Http::Http(QString baseUrl, std::optional<QSslConfiguration> tls) : m_base(std::move(baseUrl)), m_tls(std::move(tls)) {}

Reply Http::request(const QByteArray &method, const QString &path, const QByteArray &body, const QString &token,
                    const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    QNetworkRequest req(QUrl(m_base + path));
    if (m_tls)
        req.setSslConfiguration(*m_tls);
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    bool typed = false;
    for (const auto &[name, value] : headers) {
        req.setRawHeader(name, value);
        typed = typed || name.compare("content-type", Qt::CaseInsensitive) == 0;
    }
    if (!body.isEmpty() && !typed)
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setTransferTimeout(timeoutMs);

    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply =
        body.isEmpty() && method == "GET" ? m_nam.get(req) : m_nam.sendCustomRequest(req, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs + 1000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();

    Reply r;
    r.elapsedMs = clock.elapsed();
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        r.headers.insert(name.toLower(), value);
    if (reply->error() != QNetworkReply::NoError && r.status == 0)
        r.networkError = reply->errorString();
    if (!reply->isFinished())
        r.networkError = QStringLiteral("timed out");
    const QJsonDocument doc = QJsonDocument::fromJson(r.body);
    if (doc.isObject())
        r.json = doc.object();
    reply->abort();
    reply->deleteLater();
    return r;
}

Reply Http::post(const QString &path, const QJsonObject &body, const QString &token)
{
    return request("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

QString Http::login(const QString &username, const QString &password)
{
    const Reply r = post(QStringLiteral("/v1/session"),
                         QJsonObject{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
    return r.status == 200 ? r.json.value(QLatin1String("token")).toString() : QString();
}

QJsonArray wholeFeed(Http &http, const QString &token, int pageSize)
{
    QJsonArray all;
    qint64 since = 0;
    for (int pages = 0; pages < 100000; ++pages) {
        const Reply r = http.get(QStringLiteral("/v1/changes?since=%1&limit=%2").arg(since).arg(pageSize), token);
        if (r.status != 200)
            return all;
        for (const QJsonValue &v : r.json.value(QLatin1String("items")).toArray())
            all.append(v);
        since = r.json.value(QLatin1String("next_seq")).toInteger();
        if (!r.json.value(QLatin1String("more")).toBool())
            break;
    }
    return all;
}

QJsonObject command(const QString &type, const QJsonObject &item, const QJsonObject &payload)
{
    return QJsonObject{{QStringLiteral("id"), newUuid()},
                       {QStringLiteral("item_id"), item.value(QLatin1String("id"))},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("base_version"), item.value(QLatin1String("version"))},
                       {QStringLiteral("payload"), payload}};
}

QJsonObject batch(const QJsonArray &commands) { return QJsonObject{{QStringLiteral("commands"), commands}}; }

// ---- Raw sockets

QByteArray rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs, bool *closedByServer)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(bytes);
    socket.flush();
    QByteArray got;
    QDeadlineTimer deadline(timeoutMs);
    bool closed = false;
    while (!deadline.hasExpired()) {
        if (socket.state() != QAbstractSocket::ConnectedState) {
            closed = true;
            break;
        }
        socket.waitForReadyRead(int(std::max<qint64>(1, std::min<qint64>(100, deadline.remainingTime()))));
        got += socket.readAll();
    }
    got += socket.readAll();
    if (closedByServer)
        *closedByServer = closed;
    return got;
}

int statusOf(const QByteArray &raw)
{
    static const QRegularExpression re(QStringLiteral("^HTTP/1\\.[01] (\\d{3})"));
    const auto m = re.match(QString::fromLatin1(raw.left(64)));
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

QJsonObject bodyOf(const QByteArray &raw)
{
    const qsizetype at = raw.indexOf("\r\n\r\n");
    return at < 0 ? QJsonObject{} : QJsonDocument::fromJson(raw.mid(at + 4)).object();
}

// ---- WsClient

bool WsClient::connect(quint16 port, const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers,
                       int timeoutMs)
{
    m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!m_socket.waitForConnected(timeoutMs))
        return false;
    QByteArray nonce(16, Qt::Uninitialized);
    for (char &c : nonce)
        c = char(QRandomGenerator::global()->bounded(256));
    const QByteArray key = nonce.toBase64();
    QByteArray request = "GET " + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                         "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                         "Sec-WebSocket-Key: " +
                         key + "\r\n";
    for (const auto &[name, value] : headers)
        request += name + ": " + value + "\r\n";
    m_socket.write(request + "\r\n");
    QDeadlineTimer deadline(timeoutMs);
    while (!m_buffer.contains("\r\n\r\n") && !deadline.hasExpired() &&
           m_socket.state() == QAbstractSocket::ConnectedState) {
        m_socket.waitForReadyRead(50);
        m_buffer += m_socket.readAll();
    }
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QByteArray head = m_buffer.left(end);
    m_buffer.remove(0, end + 4);
    m_status = statusOf(head);
    if (m_status != 101)
        return false;
    const QByteArray expected =
        QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11", QCryptographicHash::Sha1).toBase64();
    return head.contains("Sec-WebSocket-Accept: " + expected) || head.contains("sec-websocket-accept: " + expected);
}

bool WsClient::isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

void WsClient::close()
{
    if (isOpen() && m_status == 101) {
        // A masked close frame with no payload, then the TCP close.
        const QByteArray frame("\x88\x80\x00\x00\x00\x00", 6);
        m_socket.write(frame);
        m_socket.flush();
        m_socket.waitForDisconnected(1000);
    }
    m_socket.abort();
}

std::optional<QByteArray> WsClient::frame(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        if (m_buffer.size() >= 2) {
            const quint8 b0 = quint8(m_buffer[0]), b1 = quint8(m_buffer[1]);
            qint64 length = b1 & 0x7f;
            qsizetype header = 2;
            if (length == 126 && m_buffer.size() >= 4) {
                length = (quint8(m_buffer[2]) << 8) | quint8(m_buffer[3]);
                header = 4;
            } else if (length == 127 && m_buffer.size() >= 10) {
                length = 0;
                for (int i = 2; i < 10; ++i)
                    length = (length << 8) | quint8(m_buffer[i]);
                header = 10;
            }
            const bool haveLength = (b1 & 0x7f) < 126 || header > 2;
            if (haveLength && m_buffer.size() >= header + length) {
                const QByteArray payload = m_buffer.mid(header, length);
                m_buffer.remove(0, header + length);
                const int opcode = b0 & 0x0f;
                if (opcode == 0x9) { // ping: answer with a masked pong
                    QByteArray pong;
                    pong += char(0x8a);
                    pong += char(0x80 | payload.size());
                    pong += QByteArray(4, '\0');
                    pong += payload;
                    m_socket.write(pong);
                    continue;
                }
                if (opcode == 0x8) { // close: answer in kind, as the protocol asks
                    m_socket.write(QByteArray("\x88\x80\x00\x00\x00\x00", 6));
                    m_socket.flush();
                    return std::nullopt;
                }
                return payload;
            }
        }
        if (deadline.hasExpired() || m_socket.state() != QAbstractSocket::ConnectedState)
            return std::nullopt;
        m_socket.waitForReadyRead(int(std::max<qint64>(1, std::min<qint64>(50, deadline.remainingTime()))));
        m_buffer += m_socket.readAll();
    }
}

std::optional<QJsonObject> WsClient::next(int timeoutMs)
{
    auto payload = frame(timeoutMs);
    if (!payload)
        return std::nullopt;
    return QJsonDocument::fromJson(*payload).object();
}

} // namespace ibc::test
