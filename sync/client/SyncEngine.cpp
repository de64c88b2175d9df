// The desk's sync engine on Boost.Asio and Beast: one io_context on a thread of its own, C++20
// coroutines for the passes (sign in, push, pull) and for the live WebSocket. Everything below
// runs on that thread; the public functions only post to it. The only translation unit of the
// desk that includes Beast.
#include "client/SyncEngine.h"

#include "cache/Cache.h"
#include "protocol/Wire.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>
#include <QUrl>

#include <openssl/ssl.h>

#include <atomic>
#include <deque>
#include <future>
#include <random>
#include <thread>

Q_LOGGING_CATEGORY(lcSync, "ibc.sync")

namespace ibc::sync {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace ssl = asio::ssl;
using asio::awaitable;
using asio::use_awaitable;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

namespace {

// The store cannot be reached, or answered with a 5xx: work on from the cache and retry.
struct Outage : std::runtime_error {
    using std::runtime_error::runtime_error;
};
// The store refused the password or the session: ask the user to sign in again.
struct SignInNeeded : std::runtime_error {
    using std::runtime_error::runtime_error;
};
// The user paused sync while a pass was under way.
struct Paused : std::runtime_error {
    Paused() : std::runtime_error("paused") {}
};

struct Response {
    int status = 0;
    QByteArray body;
};

// A page of the change feed, as the cache takes it.
struct FeedPage {
    std::vector<models::GeneratedItem> items;
    std::vector<QString> forget; // sensitive items this user may no longer see
    QStringList ids;             // empty: too many to list
    qint64 nextSeq = 0;
    bool more = false;
    qint64 remaining = -1; // items still to come after it, when the store was asked to count them
};

struct Endpoint {
    bool tls = false;
    std::string host;
    std::string port;
    std::string base; // a path prefix, without the trailing slash
};

std::optional<Endpoint> parseServer(const QString &text, QString *problem)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        *problem = QStringLiteral("The server address must start with http:// or https:// (it is \"%1\").").arg(text);
        return std::nullopt;
    }
    if (url.host().isEmpty()) {
        *problem = QStringLiteral("The server address has no host name (it is \"%1\").").arg(text);
        return std::nullopt;
    }
    Endpoint e;
    e.tls = scheme == QLatin1String("https");
    e.host = url.host().toStdString();
    e.port = std::to_string(url.port(e.tls ? 443 : 80));
    e.base = url.path().toStdString();
    while (!e.base.empty() && e.base.back() == '/')
        e.base.pop_back();
    return e;
}

// A refusal's sentence from the store's JSON error, or the status line.
QString errorMessage(const Response &r)
{
    const QJsonObject o = QJsonDocument::fromJson(r.body).object();
    const QString message = o.value(QStringLiteral("message")).toString();
    return message.isEmpty() ? QStringLiteral("The store answered HTTP %1.").arg(r.status) : message;
}

models::GeneratedItem toCacheItem(ItemRecord &&r)
{
    return models::GeneratedItem{std::move(r.item), std::move(r.notes), std::move(r.events)};
}

QString describe(const boost::system::error_code &ec) { return QString::fromStdString(ec.message()); }

} // namespace

class SyncEngine::Impl {
public:
    Impl(SyncOptions options, Events events)
        : m_opt(std::move(options))
        , m_ev(std::move(events))
        , m_work(asio::make_work_guard(m_io))
        , m_wake(m_io)
        , m_tlsContext(ssl::context::tls_client)
        , m_rng(std::random_device{}())
    {
        m_tlsContext.set_default_verify_paths();
        m_tlsContext.set_verify_mode(ssl::verify_peer);
        if (!m_opt.caFile.isEmpty()) {
            boost::system::error_code ec;
            m_tlsContext.load_verify_file(m_opt.caFile.toStdString(), ec);
            if (ec)
                qCWarning(lcSync) << "cannot read the certificate authority" << m_opt.caFile << ":" << describe(ec);
        }
        m_thread = std::thread([this] { m_io.run(); });
    }

    ~Impl() { stop(); }

    void start(const QString &password, const QString &token, bool once)
    {
        asio::post(m_io, [self = this, password, token, once] {
            if (self->m_running || self->m_stopping)
                return;
            self->m_running = true;
            self->m_password = password;
            self->m_token = token;
            self->m_once = once;
            asio::co_spawn(self->m_io, self->run(), asio::detached);
            if (self->m_opt.live && !once)
                asio::co_spawn(self->m_io, self->live(), asio::detached);
        });
    }

    void signIn(const QString &password)
    {
        asio::post(m_io, [self = this, password] {
            self->m_password = password;
            self->m_token.clear();
            self->wakeNow();
        });
    }

    void outboxChanged()
    {
        asio::post(m_io, [self = this] {
            self->publish();
            self->wakeNow();
        });
    }

    void syncNow()
    {
        asio::post(m_io, [self = this] { self->wakeNow(); });
    }

    void reveal(const QString &itemId, const QString &field, const QString &reason)
    {
        asio::post(m_io, [self = this, ask = RevealAsk{itemId, field, reason}] {
            if (self->m_status.state != SyncStatus::State::Online) {
                self->answerReveal(ask, {}, QStringLiteral("The store cannot be reached now."));
                return;
            }
            self->m_reveals.push_back(ask);
            self->wakeNow();
        });
    }

    void readAuditLog(quint64 ticket, const AuditQuery &query)
    {
        asio::post(m_io, [self = this, ask = AuditAnswer{ticket, query, {}, 0, {}}] {
            if (self->m_status.state != SyncStatus::State::Online) {
                self->answerAuditRead(ask, QStringLiteral("The store cannot be reached now."));
                return;
            }
            self->m_auditReads.push_back(ask);
            self->wakeNow();
        });
    }

    void setPaused(bool paused)
    {
        asio::post(m_io, [self = this, paused] {
            self->m_paused = paused;
            if (paused)
                self->closeHttp(); // cuts a pull short: its last whole page is kept
            self->wakeNow();
        });
    }

    void stop()
    {
        if (!m_thread.joinable())
            return;
        asio::post(m_io, [self = this] {
            self->m_stopping = true;
            self->closeHttp();
            self->closeLive();
            self->wakeNow();
        });
        m_work.reset();
        m_thread.join();
    }

private:
    // ---- The passes

    awaitable<void> run()
    {
        if (!openCache())
            co_return;
        publish();

        std::chrono::milliseconds retry = m_opt.retryFirst;
        while (!m_stopping) {
            if (m_paused) {
                setState(SyncStatus::State::Paused, {});
                co_await waitWake(24h);
                continue;
            }
            if (m_token.isEmpty() && m_password.isEmpty()) {
                if (m_once) {
                    fail(m_status.problem.isEmpty() ? QStringLiteral("No password was given.") : m_status.problem);
                    co_return;
                }
                setState(SyncStatus::State::NeedsSignIn, m_status.problem);
                co_await waitWake(24h);
                continue;
            }

            enum class Next { Wait, SignIn, Backoff, Stop } next = Next::Wait;
            QString why;
            try {
                const SyncSummary summary = co_await pass();
                co_await answerReveals();
                co_await answerAuditReads();
                setState(SyncStatus::State::Online, {});
                retry = m_opt.retryFirst;
                if (m_ev.passDone)
                    m_ev.passDone(summary);
                if (m_once)
                    next = Next::Stop;
            } catch (const SignInNeeded &e) {
                why = QString::fromUtf8(e.what());
                next = Next::SignIn;
            } catch (const Paused &) {
                next = Next::Wait;
            } catch (const boost::system::system_error &e) {
                why = describe(e.code());
                next = m_stopping || m_paused ? Next::Wait : Next::Backoff;
            } catch (const std::exception &e) {
                why = QString::fromUtf8(e.what());
                next = m_stopping || m_paused ? Next::Wait : Next::Backoff;
            }

            failReveals(why.isEmpty() ? QStringLiteral("Syncing stopped before the store answered.") : why);
            switch (next) {
            case Next::Stop: co_return;
            case Next::SignIn:
                m_token.clear();
                m_password.clear(); // a wrong one is not tried again
                closeLive();
                if (m_once) {
                    fail(why);
                    co_return;
                }
                setState(SyncStatus::State::NeedsSignIn, why);
                break;
            case Next::Backoff: {
                closeHttp();
                if (m_once) {
                    fail(QStringLiteral("Cannot reach ibc-store at %1: %2").arg(m_opt.server, why));
                    co_return;
                }
                co_await waitWake(goOffline(why, retry));
                continue;
            }
            case Next::Wait: break;
            }
            if (!m_stopping)
                co_await waitWake(m_liveUp ? std::chrono::milliseconds(10min) : m_opt.pollInterval);
        }
    }

    struct RevealAsk {
        QString itemId;
        QString field;
        QString reason;
    };

    void answerReveal(const RevealAsk &ask, const QString &value, const QString &error)
    {
        if (m_ev.revealed)
            m_ev.revealed(RevealAnswer{ask.itemId, ask.field, value, error});
    }

    // The reveals asked for since the last pass, one request each, on the pass's connection.
    awaitable<void> answerReveals()
    {
        while (!m_reveals.empty()) {
            const RevealAsk ask = m_reveals.front();
            const QJsonObject body{{QStringLiteral("field"), ask.field}, {QStringLiteral("reason"), ask.reason}};
            const Response r = co_await request(http::verb::post, "/v1/items/" + ask.itemId.toStdString() + "/reveal",
                                                QJsonDocument(body).toJson(QJsonDocument::Compact));
            m_reveals.pop_front(); // only now: a request that throws leaves it for failReveals() to answer
            if (r.status == 200)
                answerReveal(ask, QJsonDocument::fromJson(r.body).object().value(QStringLiteral("value")).toString(),
                             {});
            else
                answerReveal(ask, {}, errorMessage(r));
        }
    }

    // Answers every reveal and audit read still waiting with why they could not be sent.
    void failReveals(const QString &why)
    {
        for (const RevealAsk &ask : m_reveals)
            answerReveal(ask, {}, why);
        m_reveals.clear();
        for (const AuditAnswer &ask : m_auditReads)
            answerAuditRead(ask, why);
        m_auditReads.clear();
    }

    void answerAuditRead(AuditAnswer answer, const QString &error)
    {
        answer.error = error;
        if (m_ev.auditRead)
            m_ev.auditRead(answer);
    }

    // The audit log reads asked for since the last pass, one request each, on the pass's
    // connection, as reveals are.
    awaitable<void> answerAuditReads()
    {
        while (!m_auditReads.empty()) {
            AuditAnswer ask = m_auditReads.front();
            // The target in a variable of its own: GCC 12 destroys a conditional's temporaries
            // twice when they are made inside a co_await expression.
            const QString query = wire::auditQueryString(ask.query);
            std::string target = "/v1/audit";
            if (!query.isEmpty())
                target += "?" + query.toStdString();
            const Response r = co_await request(http::verb::get, target, {});
            m_auditReads.pop_front(); // only now: a request that throws leaves it for failReveals() to answer
            ask.status = r.status;
            if (r.status != 200) {
                answerAuditRead(ask, errorMessage(r));
                continue;
            }
            wire::Error error;
            const auto json = wire::parseObject(r.body, &error);
            const auto page = json ? wire::auditPageFromJson(*json, &error) : std::nullopt;
            if (!page) {
                answerAuditRead(ask, QStringLiteral("The store's audit log was not understood: %1").arg(error.message));
                continue;
            }
            ask.page = *page;
            answerAuditRead(ask, {});
        }
    }

    // Reads the server's address and opens the cache: false, the engine stopped and the user told
    // why, if the address is wrong or the cache cannot hold this server's work.
    bool openCache()
    {
        QString problem;
        const std::optional<Endpoint> endpoint = parseServer(m_opt.server, &problem);
        if (!endpoint) {
            fail(problem);
            return false;
        }
        m_endpoint = *endpoint;
        try {
            m_cache = models::Cache::attach(m_opt.cachePath);
        } catch (const std::exception &e) {
            fail(QStringLiteral("Cannot open the cache %1: %2").arg(m_opt.cachePath, QString::fromUtf8(e.what())));
            return false;
        }
        if (const QString known = m_cache->syncValue(QStringLiteral("server"));
            !known.isEmpty() && known != m_opt.server) {
            fail(QStringLiteral("This cache holds the work of %1, not of %2: use another cache for this server.")
                     .arg(known, m_opt.server));
            return false;
        }
        if (m_cache->syncValue(QStringLiteral("server")).isEmpty() && m_cache->checkpoint() == 0 &&
            m_cache->itemCount() > 0) {
            fail(QStringLiteral("This cache holds demo data, not a store's work: sync into a new cache."));
            return false;
        }
        return true;
    }

    // One pass: signs in if need be, sends the outbox, then pulls what changed.
    awaitable<SyncSummary> pass()
    {
        if (m_token.isEmpty())
            co_await signInNow();
        QElapsedTimer timer;
        timer.start();
        SyncSummary summary;
        co_await push(summary);
        co_await pull(summary);
        summary.checkpoint = m_cache->checkpoint();
        summary.seconds = double(timer.nsecsElapsed()) / 1e9;
        m_status.lastSynced = m_cache->clock().now();
        co_return summary;
    }

    // Offline after a failed pass: says so, and how long to wait before the next; each wait in a
    // row is twice as long, up to the cap.
    std::chrono::milliseconds goOffline(const QString &why, std::chrono::milliseconds &retry)
    {
        if (m_status.state != SyncStatus::State::Offline)
            m_status.offlineSince = m_cache->clock().now();
        setState(SyncStatus::State::Offline, why);
        // Full jitter over the upper half, so that a hundred desks don't come back at once.
        std::uniform_int_distribution<qint64> jitter(retry.count() / 2, retry.count());
        const auto wait = std::chrono::milliseconds(jitter(m_rng));
        qCInfo(lcSync).noquote() << "offline:" << why << "- retrying in" << wait.count() << "ms";
        retry = std::min(retry * 2, m_opt.retryCap);
        return wait;
    }

    awaitable<void> signInNow()
    {
        const QJsonObject body{{QStringLiteral("username"), m_opt.username}, {QStringLiteral("password"), m_password}};
        const Response r = co_await request(http::verb::post, "/v1/session", wire::serialize(body), false);
        m_password.clear(); // kept no longer than it takes to sign in
        if (r.status != 200)
            throw SignInNeeded(errorMessage(r).toStdString());
        wire::Error error;
        const auto json = wire::parseObject(r.body, &error);
        const auto session = json ? wire::sessionFromJson(*json, &error) : std::nullopt;
        if (!session)
            throw Outage("the store's sign-in answer was not understood: " + error.message.toStdString());
        m_token = session->token;
        m_cache->setCurrentUser(session->user);
        m_cache->setSyncValue(QStringLiteral("server"), m_opt.server);
        // The service-level rules and the people work can be assigned to (team leaders): best
        // effort, the queue works with the rules kept from last time.
        const Response ref = co_await request(http::verb::get, "/v1/reference", {});
        if (ref.status == 200) {
            const QJsonObject reference = QJsonDocument::fromJson(ref.body).object();
            std::vector<models::User> users{session->user};
            for (const QJsonValue &u : reference.value(QStringLiteral("assignable")).toArray())
                if (auto user = wire::userFromJson(u.toObject()))
                    users.push_back(std::move(*user));
            m_cache->saveUsers(users);
            QString rulesError;
            if (!m_cache->setSlaRules(reference.value(QStringLiteral("sla")).toObject(), &rulesError))
                qCWarning(lcSync).noquote()
                    << "the store's service-level rules were not understood, so the last ones are kept:" << rulesError;
            if (const QJsonObject tables = reference.value(QStringLiteral("modulus_tables")).toObject();
                !tables.isEmpty() && !m_cache->setModulusTables(tables, &rulesError))
                qCWarning(lcSync).noquote()
                    << "the store's modulus tables were not understood, so the last ones are kept:" << rulesError;
        }
        if (m_ev.signedIn)
            m_ev.signedIn(SessionInfo{session->token, session->expires, session->user});
        qCInfo(lcSync).noquote() << "signed in to" << m_opt.server << "as" << session->user.username;
        wakeLive();
    }

    // Sends the outbox in order, in batches. A batch holds one command per item, so that each
    // command after it on the same item goes with the version the one before made.
    awaitable<void> push(SyncSummary &summary)
    {
        for (;;) {
            throwIfPaused();
            const std::vector<models::OutboxEntry> outbox = m_cache->outbox();
            if (outbox.empty())
                co_return;
            std::vector<models::Command> batch;
            QSet<QString> items;
            for (const models::OutboxEntry &e : outbox) {
                if (int(batch.size()) == m_opt.batchSize)
                    break;
                if (items.contains(e.command.itemId))
                    continue;
                items.insert(e.command.itemId);
                batch.push_back(e.command);
            }
            const Response r =
                co_await request(http::verb::post, "/v1/commands", wire::serialize(wire::commandBatchToJson(batch)));
            if (r.status != 200)
                refuseBatch(r, batch);
            else
                co_await applyOutcomes(r, summary);
            summary.pushed += int(batch.size());
            publish();
            m_cache->checkpointIfDue();
        }
    }

    awaitable<void> applyOutcomes(const Response &r, SyncSummary &summary)
    {
        wire::Error error;
        const auto json = wire::parseObject(r.body, &error);
        const auto outcomes = json ? wire::outcomesFromJson(*json, &error) : std::nullopt;
        if (!outcomes)
            throw Outage("the store's answer to the outbox was not understood: " + error.message.toStdString());
        QStringList changed;
        for (const CommandOutcome &o : *outcomes) {
            if (o.kind == CommandOutcome::Kind::Applied) {
                m_cache->commandApplied(o.commandId, o.version);
                ++summary.applied;
                continue;
            }
            // Refused: the item as the store has it now, to show beside the user's change.
            std::optional<models::GeneratedItem> theirs;
            if (o.current) {
                theirs = toCacheItem(ItemRecord(*o.current));
            } else if (const auto itemId = itemOf(o.commandId); !itemId.isEmpty()) {
                const Response item =
                    co_await request(http::verb::get, "/v1/items/" + QUrl::toPercentEncoding(itemId).toStdString(), {});
                if (item.status == 200)
                    if (auto record = wire::recordFromJson(QJsonDocument::fromJson(item.body).object()))
                        theirs = toCacheItem(std::move(*record));
            }
            if (theirs)
                changed.append(theirs->item.id);
            m_cache->commandRefused(o.commandId,
                                    o.kind == CommandOutcome::Kind::Conflict ? models::Conflict::Kind::Conflict
                                                                             : models::Conflict::Kind::Rejected,
                                    o.code, o.reason, theirs);
            ++summary.refused;
            qCInfo(lcSync).noquote() << "the store refused command" << o.commandId << ":" << o.reason;
        }
        if (!changed.isEmpty() && m_ev.changed)
            m_ev.changed(changed);
    }

    // A whole batch refused (4xx other than 401): if the store names the commands to blame,
    // they go to the conflicts list with its reason, and the rest are sent again; otherwise it
    // is treated like an outage, and nothing leaves the outbox.
    void refuseBatch(const Response &r, const std::vector<models::Command> &batch)
    {
        const QJsonObject fields = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("fields")).toObject();
        bool blamed = false;
        for (std::size_t i = 0; i < batch.size(); ++i) {
            const QString prefix = QStringLiteral("commands[%1]").arg(i);
            for (auto it = fields.begin(); it != fields.end(); ++it) {
                if (!it.key().startsWith(prefix))
                    continue;
                m_cache->commandRefused(batch[i].id, models::Conflict::Kind::Rejected,
                                        QStringLiteral("invalid_request"),
                                        it.key() + QLatin1Char(' ') + it.value().toString(), std::nullopt);
                blamed = true;
                break;
            }
        }
        if (!blamed)
            throw Outage("the store refused the outbox: " + errorMessage(r).toStdString());
    }

    QString itemOf(const QString &commandId)
    {
        for (const models::OutboxEntry &e : m_cache->outbox())
            if (e.command.id == commandId)
                return e.command.itemId;
        return {};
    }

    // Pulls every change after the checkpoint, a page at a time; each page is written with its
    // checkpoint in one transaction, so a pull cut short anywhere resumes where it stopped. A page
    // is written on a thread of its own while the next is fetched and read (pages still go in
    // whole and in order), and the desk hears of each once it is in.
    awaitable<void> pull(SyncSummary &summary)
    {
        SyncProgress progress;
        progress.initial = m_cache->checkpoint() == 0 && m_cache->itemCount() == 0;
        QElapsedTimer timer;
        timer.start();
        std::optional<models::Cache::BulkLoad> bulk; // an empty cache: indexes once at the end
        std::optional<FeedPage> written;             // the page being written, until the desk has heard of it
        std::future<void> writing;                   // declared after it: waited for before it goes, even on a throw
        const auto writeDone = [&] {
            writing.get(); // a failed write throws here, and the pull ends as after a failed request
            const FeedPage &page = *written;
            summary.pulled += qint64(page.items.size());
            progress.items += qint64(page.items.size());
            progress.perSecond = double(progress.items) * 1e9 / double(std::max<qint64>(timer.nsecsElapsed(), 1));
            progress.done = !page.more;
            if (progress.done && bulk) {
                if (m_ev.progress) {
                    SyncProgress indexing = progress;
                    indexing.done = false;
                    indexing.indexing = true;
                    m_ev.progress(indexing);
                }
                bulk->finish(); // the queue's indexes, before the desk is told
            }
            if ((!page.items.empty() || !page.forget.empty()) && m_ev.changed)
                m_ev.changed(page.forget.empty() ? page.ids : QStringList()); // forgotten: look again at all
            if (m_ev.progress && (progress.initial || !page.items.empty()))
                m_ev.progress(progress);
            m_cache->checkpointIfDue(); // now that the desk knows
            m_status.checkpoint = page.nextSeq;
            written.reset();
        };

        qint64 since = m_cache->checkpoint();
        for (;;) {
            FeedPage next;
            try {
                next = co_await fetchPage(since, progress.total < 0);
            } catch (...) {
                if (written)
                    writeDone(); // the page before is in: the desk hears of it before the pull ends
                throw;
            }
            if (written)
                writeDone();
            if (progress.total < 0 && next.remaining >= 0)
                progress.total = progress.items + next.remaining;
            if (progress.initial && !bulk && next.more)
                bulk.emplace(*m_cache);
            since = next.nextSeq;
            written = std::move(next);
            writing = std::async(std::launch::async, [cache = m_cache.get(), page = &*written] {
                cache->applyChanges(page->items, page->nextSeq, page->forget);
            });
            if (!written->more) {
                writeDone();
                co_return;
            }
        }
    }

    // The page of the change feed after `since`. The first page of a pull asks how many items are
    // to come (`count`), for the progress bar.
    awaitable<FeedPage> fetchPage(qint64 since, bool count)
    {
        throwIfPaused();
        const Response r =
            co_await request(http::verb::get,
                             "/v1/changes?since=" + std::to_string(since) + "&limit=" + std::to_string(m_opt.pageSize) +
                                 (count ? "&count=true" : ""),
                             {});
        if (r.status != 200)
            throw Outage("the store refused the change feed: " + errorMessage(r).toStdString());
        wire::Error error;
        const auto json = wire::parseObject(r.body, &error);
        auto page = json ? wire::pageFromJson(*json, &error) : std::nullopt;
        if (!page)
            throw Outage("a page of the change feed was not understood: " + error.message.toStdString());
        FeedPage next;
        next.nextSeq = page->nextSeq;
        next.more = page->more;
        next.remaining = page->remaining;
        next.forget = std::move(page->forget);
        next.items.reserve(page->items.size());
        for (ItemRecord &record : page->items) {
            if (page->items.size() <= 200)
                next.ids.append(record.item.id);
            next.items.push_back(toCacheItem(std::move(record)));
        }
        co_return next;
    }

    void throwIfPaused()
    {
        if (m_paused || m_stopping)
            throw Paused();
    }

    // ---- HTTP: one keep-alive connection, plain or TLS

    awaitable<Response> request(http::verb verb, const std::string &target, QByteArray body, bool authorised = true)
    {
        for (int attempt = 0;; ++attempt) {
            const bool reused = m_plain || m_tls;
            if (!reused)
                co_await connectHttp();
            const std::shared_ptr<beast::flat_buffer> buffer = m_buffer;
            http::request<http::string_body> req{verb, m_endpoint.base + target, 11};
            req.set(http::field::host, m_endpoint.host);
            req.set(http::field::user_agent, "ibc-desk");
            if (authorised)
                req.set(http::field::authorization, "Bearer " + m_token.toStdString());
            if (verb == http::verb::post) {
                req.set(http::field::content_type, "application/json");
                req.body().assign(body.constData(), std::size_t(body.size()));
            }
            req.keep_alive(true);
            req.prepare_payload();

            http::response_parser<http::string_body> parser;
            parser.body_limit(512u << 20);
            boost::system::error_code ec;
            // Local references: closeHttp() may drop the members while these wait.
            if (const auto tls = m_tls) {
                beast::get_lowest_layer(*tls).expires_after(m_opt.requestTimeout);
                co_await http::async_write(*tls, req, asio::redirect_error(use_awaitable, ec));
                if (!ec)
                    co_await http::async_read(*tls, *buffer, parser, asio::redirect_error(use_awaitable, ec));
            } else if (const auto plain = m_plain) {
                plain->expires_after(m_opt.requestTimeout);
                co_await http::async_write(*plain, req, asio::redirect_error(use_awaitable, ec));
                if (!ec)
                    co_await http::async_read(*plain, *buffer, parser, asio::redirect_error(use_awaitable, ec));
            } else {
                ec = asio::error::operation_aborted;
            }
            if (ec) {
                closeHttp();
                if (m_paused || m_stopping)
                    throw Paused();
                // A kept-alive connection the store has closed meanwhile: once more on a new one.
                // Safe for every request here: commands are idempotent by their ids.
                if (reused && attempt == 0)
                    continue;
                throw Outage(describe(ec).toStdString());
            }
            auto res = parser.release();
            if (!res.keep_alive())
                closeHttp();
            Response out{int(res.result_int()), QByteArray::fromStdString(res.body())};
            if (out.status >= 500)
                throw Outage("the store answered HTTP " + std::to_string(out.status) + ": " +
                             errorMessage(out).toStdString());
            if (out.status == 401 && authorised)
                throw SignInNeeded(
                    QStringLiteral("Your session has ended: sign in again to send your changes.").toStdString());
            co_return out;
        }
    }

    awaitable<void> connectHttp()
    {
        tcp::resolver resolver(m_io);
        boost::system::error_code ec;
        const auto endpoints =
            co_await resolver.async_resolve(m_endpoint.host, m_endpoint.port, asio::redirect_error(use_awaitable, ec));
        if (ec)
            throw Outage("cannot find " + m_endpoint.host + ": " + ec.message());
        if (m_endpoint.tls) {
            auto tls = std::make_shared<beast::ssl_stream<beast::tcp_stream>>(m_io, m_tlsContext);
            co_await secure(*tls, endpoints);
            m_tls = std::move(tls);
        } else {
            auto plain = std::make_shared<beast::tcp_stream>(m_io);
            plain->expires_after(m_opt.requestTimeout);
            co_await plain->async_connect(endpoints, asio::redirect_error(use_awaitable, ec));
            if (ec)
                throw Outage(ec.message());
            m_plain = std::move(plain);
        }
        m_buffer = std::make_shared<beast::flat_buffer>();
    }

    // Connects a TLS stream and checks the store's certificate and name.
    template <class Stream>
    awaitable<void> secure(Stream &stream, const tcp::resolver::results_type &endpoints)
    {
        boost::system::error_code ec;
        // SSL_set_tlsext_host_name() without its macro's C cast: the name the server's certificate must carry (SNI).
        SSL_ctrl(stream.native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                 const_cast<char *>(m_endpoint.host.c_str()));
        stream.set_verify_callback(ssl::host_name_verification(m_endpoint.host));
        beast::get_lowest_layer(stream).expires_after(m_opt.requestTimeout);
        co_await beast::get_lowest_layer(stream).async_connect(endpoints, asio::redirect_error(use_awaitable, ec));
        if (!ec)
            co_await stream.async_handshake(ssl::stream_base::client, asio::redirect_error(use_awaitable, ec));
        if (ec)
            throw Outage("TLS with " + m_endpoint.host + " failed: " + ec.message());
    }

    void closeHttp()
    {
        boost::system::error_code ignored;
        if (m_plain)
            m_plain->socket().close(ignored);
        if (m_tls)
            beast::get_lowest_layer(*m_tls).socket().close(ignored);
        // A request under way holds its own references until it has finished with them.
        m_plain.reset();
        m_tls.reset();
        m_buffer.reset();
    }

    // ---- Live: the store's pokes over a WebSocket

    awaitable<void> live()
    {
        std::chrono::milliseconds retry = m_opt.retryFirst;
        while (!m_stopping) {
            if (m_token.isEmpty() || m_paused) {
                co_await waitLive(24h);
                continue;
            }
            try {
                co_await listen();
                retry = m_opt.retryFirst;
            } catch (const boost::system::system_error &e) {
                qCInfo(lcSync).noquote() << "live feed:" << describe(e.code());
            } catch (const std::exception &e) {
                qCInfo(lcSync).noquote() << "live feed:" << e.what();
            }
            m_liveUp = false;
            closeLive();
            if (m_stopping)
                break;
            std::uniform_int_distribution<qint64> jitter(retry.count() / 2, retry.count());
            retry = std::min(retry * 2, m_opt.retryCap);
            co_await waitLive(std::chrono::milliseconds(jitter(m_rng)));
        }
    }

    awaitable<void> listen()
    {
        tcp::resolver resolver(m_io);
        const auto endpoints = co_await resolver.async_resolve(m_endpoint.host, m_endpoint.port, use_awaitable);
        const std::string target = m_endpoint.base + "/v1/stream";
        const std::string authorization = "Bearer " + m_token.toStdString();
        const auto decorate = [authorization](websocket::request_type &req) {
            req.set(http::field::authorization, authorization);
            req.set(http::field::user_agent, "ibc-desk");
        };
        beast::flat_buffer buffer;
        // Local references: closeLive() drops the members to end the read below.
        std::shared_ptr<websocket::stream<beast::tcp_stream>> plain;
        std::shared_ptr<websocket::stream<beast::ssl_stream<beast::tcp_stream>>> tls;
        if (m_endpoint.tls) {
            tls = m_liveTls =
                std::make_shared<websocket::stream<beast::ssl_stream<beast::tcp_stream>>>(m_io, m_tlsContext);
            co_await secure(tls->next_layer(), endpoints);
            beast::get_lowest_layer(*tls).expires_never();
            tls->set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
            tls->set_option(websocket::stream_base::decorator(decorate));
            co_await tls->async_handshake(m_endpoint.host, target, use_awaitable);
        } else {
            plain = m_livePlain = std::make_shared<websocket::stream<beast::tcp_stream>>(m_io);
            beast::get_lowest_layer(*plain).expires_after(m_opt.requestTimeout);
            co_await beast::get_lowest_layer(*plain).async_connect(endpoints, use_awaitable);
            beast::get_lowest_layer(*plain).expires_never();
            plain->set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
            plain->set_option(websocket::stream_base::decorator(decorate));
            co_await plain->async_handshake(m_endpoint.host, target, use_awaitable);
        }
        m_liveUp = true;
        qCInfo(lcSync) << "live feed open";
        wakeNow(); // a poke may have been missed while the socket was down
        for (;;) {
            buffer.clear();
            if (tls)
                co_await tls->async_read(buffer, use_awaitable);
            else
                co_await plain->async_read(buffer, use_awaitable);
            const QJsonObject poke =
                QJsonDocument::fromJson(QByteArray::fromStdString(beast::buffers_to_string(buffer.data()))).object();
            if (poke.value(QStringLiteral("type")).toString() == QLatin1String("poke") &&
                qint64(poke.value(QStringLiteral("seq")).toDouble()) > m_status.checkpoint)
                wakeNow();
        }
    }

    void closeLive()
    {
        boost::system::error_code ignored;
        if (m_livePlain)
            beast::get_lowest_layer(*m_livePlain).socket().close(ignored);
        if (m_liveTls)
            beast::get_lowest_layer(*m_liveTls).socket().close(ignored);
        m_livePlain.reset(); // the coroutine holds its own reference while it reads
        m_liveTls.reset();
        m_liveUp = false;
        m_liveWake.cancel();
    }

    void wakeLive() { m_liveWake.cancel(); }

    awaitable<void> waitLive(std::chrono::milliseconds d)
    {
        boost::system::error_code ec;
        m_liveWake.expires_after(d);
        co_await m_liveWake.async_wait(asio::redirect_error(use_awaitable, ec));
    }

    // ---- Waking the pass loop

    void wakeNow()
    {
        m_wakeFlag = true;
        m_wake.cancel();
    }

    awaitable<void> waitWake(std::chrono::milliseconds d)
    {
        if (!m_wakeFlag && !m_stopping) {
            boost::system::error_code ec;
            m_wake.expires_after(d);
            co_await m_wake.async_wait(asio::redirect_error(use_awaitable, ec));
        }
        m_wakeFlag = false;
    }

    // ---- Status

    void setState(SyncStatus::State state, const QString &problem)
    {
        m_status.state = state;
        m_status.problem = problem;
        publish();
    }

    void publish()
    {
        if (!m_cache)
            return;
        m_status.waiting = m_cache->outboxCount();
        m_status.conflicts = m_cache->conflictCount();
        m_status.checkpoint = m_cache->checkpoint();
        if (m_ev.status)
            m_ev.status(m_status);
    }

    void fail(const QString &why)
    {
        qCWarning(lcSync).noquote() << why;
        m_status.problem = why;
        m_status.state = SyncStatus::State::Stopped;
        if (m_ev.status)
            m_ev.status(m_status);
        if (m_once && m_ev.onceFailed)
            m_ev.onceFailed(why);
    }

    SyncOptions m_opt;
    Events m_ev;
    asio::io_context m_io;
    asio::executor_work_guard<asio::io_context::executor_type> m_work;
    asio::steady_timer m_wake;
    asio::steady_timer m_liveWake{m_io};
    ssl::context m_tlsContext;
    std::mt19937_64 m_rng;
    std::thread m_thread;

    // Only the engine's thread touches what follows.
    Endpoint m_endpoint;
    std::unique_ptr<models::Cache> m_cache;
    SyncStatus m_status;
    QString m_password;
    QString m_token;
    bool m_running = false;
    bool m_once = false;
    bool m_paused = false;
    std::deque<RevealAsk> m_reveals;      // asked for, to be sent after the next pass
    std::deque<AuditAnswer> m_auditReads; // likewise: audit log reads, answered in place
    bool m_stopping = false;
    bool m_wakeFlag = false;
    bool m_liveUp = false;
    std::shared_ptr<beast::tcp_stream> m_plain;
    std::shared_ptr<beast::ssl_stream<beast::tcp_stream>> m_tls;
    std::shared_ptr<beast::flat_buffer> m_buffer;
    std::shared_ptr<websocket::stream<beast::tcp_stream>> m_livePlain;
    std::shared_ptr<websocket::stream<beast::ssl_stream<beast::tcp_stream>>> m_liveTls;
};

SyncEngine::SyncEngine(SyncOptions options, Events events)
    : m_impl(std::make_unique<Impl>(std::move(options), std::move(events)))
{
}

SyncEngine::~SyncEngine() { stop(); }

void SyncEngine::start(const QString &password, const QString &token) { m_impl->start(password, token, false); }
void SyncEngine::runOnce(const QString &password) { m_impl->start(password, {}, true); }
void SyncEngine::signIn(const QString &password) { m_impl->signIn(password); }
void SyncEngine::outboxChanged() { m_impl->outboxChanged(); }
void SyncEngine::syncNow() { m_impl->syncNow(); }
void SyncEngine::setPaused(bool paused) { m_impl->setPaused(paused); }
void SyncEngine::reveal(const QString &itemId, const QString &field, const QString &reason)
{
    m_impl->reveal(itemId, field, reason);
}

void SyncEngine::readAuditLog(quint64 ticket, const AuditQuery &query) { m_impl->readAuditLog(ticket, query); }
void SyncEngine::stop() { m_impl->stop(); }

SyncOnceResult syncOnce(SyncOptions options, const QString &password)
{
    options.live = false;
    std::promise<SyncOnceResult> done;
    std::atomic_bool told = false; // the first word is the answer
    SyncEngine::Events events;
    events.passDone = [&](const SyncSummary &summary) {
        if (!told.exchange(true))
            done.set_value({summary, {}});
    };
    events.onceFailed = [&](const QString &error) {
        if (!told.exchange(true))
            done.set_value({std::nullopt, error});
    };
    SyncEngine engine(std::move(options), std::move(events));
    engine.runOnce(password);
    return done.get_future().get(); // the engine then stops, and its thread is joined, as it goes
}

} // namespace ibc::sync
