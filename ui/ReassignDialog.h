#pragma once

#include "cache/Cache.h"
#include "cache/QueueReader.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QTableWidget;

namespace ibc::ui {

// A team leader moves work to someone with room for it: the open items given, each ticked, and
// the people who work for all of their partners, those with the least open work first. Each move
// is a Reassign command in the outbox, as from the item panel; the dialog says which ones the
// cache refused and why.
class ReassignDialog : public QDialog {
    Q_OBJECT
public:
    ReassignDialog(models::Cache &cache, const models::User &user, const models::Clock &clock,
                   const std::vector<models::QueueRow> &items, QWidget *parent = nullptr);

    QTableWidget *itemsTable() const { return m_items; }
    QComboBox *assigneeBox() const { return m_assignee; }
    // Reassigns the ticked items to the chosen person. Returns the ids of those moved; the
    // dialog's message names any that could not be, with the reason.
    QStringList apply();
    QString message() const;
    // Every item moved while the dialog was open.
    const QStringList &moved() const { return m_moved; }

private:
    void fillAssignees();

    models::Cache &m_cache;
    models::User m_user;
    const models::Clock &m_clock;
    std::vector<models::QueueRow> m_rows; // the open ones among those given
    QTableWidget *m_items;
    QComboBox *m_assignee;
    QLabel *m_message;
    QStringList m_moved;
};

} // namespace ibc::ui
