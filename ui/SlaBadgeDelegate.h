#pragma once

#include <QStyledItemDelegate>

namespace ibc::ui {

// Paints the queue's SLA column as a coloured badge with its word ("Breached"), so the state
// reads at a glance and without colour.
class SlaBadgeDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

// Paints a badge into `rect`: used by the queue and the item panel's header.
void paintBadge(QPainter *painter, const QRect &rect, const QString &text, int slaState, const QFont &font);

} // namespace ibc::ui
