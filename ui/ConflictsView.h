#pragma once

#include "cache/Cache.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace ibc::ui {

// The changes the store did not accept, one row each (the item, my change, the store's reason,
// when), and for the chosen one what I saw, my change and the item as the store has it now, side
// by side with the differences marked. Each can be retried as it was, edited and retried, or
// discarded after a confirmation; none is ever dropped without the user's word.
class ConflictsView : public QWidget {
    Q_OBJECT
public:
    ConflictsView(models::Cache &cache, const models::User &user, const models::Clock &clock,
                  QWidget *parent = nullptr);

    // Reads the conflicts again, keeping the chosen one if it is still there.
    void reload();
    int count() const { return int(m_conflicts.size()); }
    const std::vector<models::Conflict> &conflicts() const { return m_conflicts; }
    // Chooses the first conflict on this item; false if it has none.
    bool selectItem(const QString &itemId);
    void selectRow(int row);
    int currentRow() const;
    QString currentItemId() const; // the chosen conflict's item, or empty

    // The chosen conflict: each returns true when it is resolved and gone from the list. Retry and
    // edit-and-retry make a new command on the item as it is now; if the cache refuses it, the
    // conflict stays and the message says why. Discard asks first.
    bool retry();
    bool editAndRetry();
    bool discard();

    QTableWidget *table() const { return m_table; }
    QTableWidget *comparison() const { return m_compare; }
    QString message() const;
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *discardButton() const { return m_discard; }

Q_SIGNALS:
    void commandApplied(const QString &itemId); // a retry went into the outbox
    void conflictsChanged(int count);
    void itemChosen(const QString &itemId);

private:
    // A line of the comparison: the item's status, a field or what my change said, three ways.
    struct ComparisonLine {
        QString label, seen, mine, theirs;
    };
    QWidget *makeConflictList();
    QWidget *makeConflictDetail();
    std::vector<ComparisonLine> comparisonLines(const models::Conflict &c,
                                                const std::optional<models::WorkItem> &now) const;
    void showComparison(const std::vector<ComparisonLine> &lines);
    bool retryWith(const models::Conflict &conflict, const QJsonObject &payload);
    const models::Conflict *current() const;
    void showCurrent();
    void showMessage(const QString &text, bool error);
    QString displayName(const QString &username) const;
    QString describe(const models::Command &command) const;

    models::Cache &m_cache;
    models::User m_user;
    const models::Clock &m_clock;
    std::vector<models::Conflict> m_conflicts;

    QStackedWidget *m_stack;
    QTableWidget *m_table;
    QLabel *m_title;
    QLabel *m_change;
    QLabel *m_reason;
    QTableWidget *m_compare;
    QLabel *m_message;
    QPushButton *m_retry;
    QPushButton *m_edit;
    QPushButton *m_discard;
};

} // namespace ibc::ui
