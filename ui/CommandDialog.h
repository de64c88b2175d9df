#pragma once

#include "domain/Command.h"
#include "domain/Sla.h"
#include "domain/User.h"
#include "domain/WorkItem.h"

#include <QDialog>
#include <QJsonObject>

#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QDialogButtonBox;
class QFormLayout;

namespace ibc::ui {

// Asks for what a command needs before it is sent: a reason, an outcome, an assignee, or the
// changed details. Commands that need nothing never show it (see needsDialog).
class CommandDialog : public QDialog {
    Q_OBJECT
public:
    CommandDialog(models::CommandType type, const models::WorkItem &item, std::vector<models::User> assignees,
                  QWidget *parent = nullptr);

    static bool needsDialog(models::CommandType type);
    QJsonObject payload() const;
    // Fills the dialog from a payload made before (to edit and retry a refused command).
    void setPayload(const QJsonObject &payload);
    // A check: who made the change, when, and why it needs a second person (shown above it).
    void setMadeBy(const QString &text);
    // A resolve: the policy for the item, so that the dialog says when the outcome chosen will
    // wait for a second person's check.
    void setPolicy(const models::SlaPolicy &policy);

    void accept() override;

private:
    // A check: the change set out as before and after, then a confirmation (pass) or a reason (return).
    void addCheck(QFormLayout *form);
    QString problem() const; // why OK would be refused, or empty
    // A personal field left blank over its masked value (the only editors with a placeholder): unchanged.
    bool keepsMaskedValue(std::size_t editor) const;
    QString fieldProblems() const; // what is wrong with the typed details
    void updateOk();

    models::CommandType m_type;
    models::WorkItem m_item;
    QPlainTextEdit *m_text = nullptr;
    QComboBox *m_choice = nullptr;
    QCheckBox *m_checked = nullptr; // pass: "I have checked each detail"
    QLabel *m_madeBy = nullptr;
    QLineEdit *m_named = nullptr;  // mark sensitive: who else sees it
    QLabel *m_checkNote = nullptr; // resolve: "this will wait for a second person's check"
    std::optional<models::SlaPolicy> m_policy;
    std::vector<std::pair<QString, QLineEdit *>> m_fieldEditors;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace ibc::ui
