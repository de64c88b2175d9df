#pragma once

#include "client/SyncController.h"
#include "domain/Clock.h"
#include "domain/User.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace ibc::ui {

struct FigureTable;

// The store's audit log, for auditors: who did what, when, to which item, searched by dates, who,
// what (an action or its prefix) and item, newest first, and exported whole as CSV. The log is
// the store's and nothing of it is cached: each search is a request to the store, sent by the sync
// engine after its next pass (SyncController::readAuditLog), never from this thread. Without a
// store, or while the desk is offline, paused or signed out, the view says it cannot read the log
// now and asks nothing.
class AuditLogView : public QWidget {
    Q_OBJECT
public:
    AuditLogView(const models::User &user, const models::Clock &clock, QWidget *parent = nullptr);

    // The store to ask, or null (a desk that works on its own). The controller must outlive the
    // view, or be set to null first.
    void setSync(sync::SyncController *controller);

    // The filters as they are set in the boxes, for the first page.
    sync::AuditQuery currentQuery() const;
    // Asks the store for the newest rows matching the filters; searched() says when they are shown.
    void search();
    // Asks for every row matching the filters, a page at a time, and writes them to `path` as CSV
    // (RFC 4180, a header row) once the last page has come; exportFinished() says how it went.
    void exportCsv(const QString &path);
    // Rows an export asks for at a time: the store's most (kMaxAuditRows) unless a test says fewer.
    void setExportPageRows(int rows) { m_exportPageRows = rows; }
    bool isWaiting() const { return m_searchTicket != 0 || m_exportTicket != 0; }

    // The rows shown, as the CSV export writes them: a header row, then one per row of the log.
    FigureTable shownTable() const;

    QCheckBox *fromCheck() const { return m_fromCheck; }
    QDateEdit *fromEdit() const { return m_from; }
    QCheckBox *toCheck() const { return m_toCheck; }
    QDateEdit *toEdit() const { return m_to; }
    QLineEdit *whoEdit() const { return m_who; }
    QComboBox *whatBox() const { return m_what; }
    QLineEdit *itemEdit() const { return m_item; }
    QPushButton *searchButton() const { return m_search; }
    QPushButton *olderButton() const { return m_older; }
    QPushButton *exportButton() const { return m_export; }
    QTableWidget *table() const { return m_table; }
    QString message() const;

Q_SIGNALS:
    void searched(int rows); // a search's rows are in the table
    // An export is done: `error` empty and `rows` written, or why not.
    void exportFinished(const QString &path, int rows, const QString &error);

private:
    QWidget *makeFilters();
    void updateAvailability();
    bool canAsk(QString *why) const;
    void ask(const sync::AuditQuery &query, bool forExport);
    void onAnswer(const sync::AuditAnswer &answer);
    void onSearchAnswer(const sync::AuditAnswer &answer);
    void onExportAnswer(const sync::AuditAnswer &answer);
    void finishExport(const QString &error);
    void showOlder();
    void appendRows(const std::vector<sync::AuditRow> &rows);
    QString failure(const sync::AuditAnswer &answer) const;
    void say(const QString &text, bool problem = false);

    models::User m_user;
    const models::Clock &m_clock;
    QPointer<sync::SyncController> m_sync;
    QList<QMetaObject::Connection> m_syncConnections;

    QCheckBox *m_fromCheck;
    QDateEdit *m_from;
    QCheckBox *m_toCheck;
    QDateEdit *m_to;
    QLineEdit *m_who;
    QComboBox *m_what;
    QLineEdit *m_item;
    QPushButton *m_search;
    QPushButton *m_older;
    QPushButton *m_export;
    QLabel *m_message;
    QTableWidget *m_table;

    std::vector<sync::AuditRow> m_rows; // shown, newest first
    sync::AuditQuery m_query;           // the search they answer
    bool m_more = false;                // older rows match it too
    quint64 m_searchTicket = 0;         // the search or "older" page being waited for
    quint64 m_exportTicket = 0;         // the export page being waited for
    sync::AuditQuery m_exportQuery;
    QString m_exportPath;
    int m_exportPageRows = sync::kMaxAuditRows;
    std::vector<sync::AuditRow> m_exportRows;
};

// The words for an action of the audit log ("Change refused" for command.rejected), translated,
// and a row's detail as a sentence a person reads.
QString auditActionLabel(const QString &action);
QString auditDetailText(const sync::AuditRow &row);

} // namespace ibc::ui
