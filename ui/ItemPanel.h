#pragma once

#include "cache/Cache.h"

#include <QWidget>

#include <map>

class QAction;
class QFormLayout;
class QGridLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QVBoxLayout;
class QTextBrowser;
class QToolButton;
class QTreeWidget;

namespace ibc::ui {

class BadgeLabel;

// The right-hand panel: one work item's header, its actions, and tabs for its details, notes and
// history. Every action is a command through the cache; an action not allowed now is disabled,
// with the reason in its tooltip.
class ItemPanel : public QWidget {
    Q_OBJECT
public:
    ItemPanel(models::Cache &cache, const models::User &user, const models::Clock &clock, QWidget *parent = nullptr);

    void showItem(const QString &itemId); // empty: nothing chosen
    QString itemId() const { return m_item ? m_item->id : QString(); }
    void reload();

    QAction *action(models::CommandType type) const;
    QPlainTextEdit *noteEditor() const { return m_noteEditor; }

    // Applies a command with the given payload to the shown item. Shows the refusal, if any.
    bool run(models::CommandType type, const QJsonObject &payload = {});

    // The banner shown while the store has refused a change to the item; empty when none.
    QString conflictBannerText() const;
    // Shows the whole value of a masked detail of the shown item (from the store's reveal), until
    // another item is shown; or, with `error`, why it could not be revealed.
    void showRevealed(const QString &itemId, const QString &field, const QString &value, const QString &error);
    // The banner shown on a bereavement (models::isBereavement); empty when none.
    QString bereavementBannerText() const;
    // The banner shown while a change awaits its four-eyes check; empty when none.
    QString checkBannerText() const;
    // The banner shown on a sensitive case; empty when none.
    QString sensitiveBannerText() const;

Q_SIGNALS:
    void commandApplied(const QString &itemId);
    // The user followed the conflict banner's link to the Conflicts list.
    void conflictsRequested(const QString &itemId);
    // The user asked to see the whole value of a masked detail (account_number, ni_number).
    void revealRequested(const QString &itemId, const QString &field);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QVBoxLayout *makeHeader();
    QGridLayout *makeActionBar();
    QWidget *makeNotesPage();
    void trigger(models::CommandType type);
    void addNote();
    void showMessage(const QString &text, bool error);
    void fillHeader();
    void fillBereavement();
    void fillCheck();
    void fillSensitive();
    QString madeByText() const; // who made the change awaiting a check, and why it needs one
    void fillConflict();
    void fillDetails();
    void fillNotes();
    void fillHistory();
    void updateActions();

    models::Cache &m_cache;
    models::User m_user;
    const models::Clock &m_clock;
    std::optional<models::WorkItem> m_item;

    QStackedWidget *m_stack;
    QLabel *m_reference;
    QLabel *m_kind;
    BadgeLabel *m_badge;
    QLabel *m_facts;
    std::map<QString, QLabel *> m_personalValues; // the masked details' labels, by field
    QLabel *m_bereavementBanner = nullptr;
    QLabel *m_checkBanner = nullptr;
    QLabel *m_sensitiveBanner = nullptr;
    QLabel *m_conflictBanner;
    QLabel *m_message;
    QTabWidget *m_tabs;
    QFormLayout *m_details;
    QTextBrowser *m_notes;
    QPlainTextEdit *m_noteEditor;
    QPushButton *m_addNote;
    QTreeWidget *m_history;
    std::map<models::CommandType, QAction *> m_actions;
};

} // namespace ibc::ui
