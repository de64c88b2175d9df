#include "ui/SlaBadgeDelegate.h"

#include "itemmodels/QueueModel.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace ibc::ui {

void paintBadge(QPainter *painter, const QRect &rect, const QString &text, int slaState, const QFont &font)
{
    const BadgeColours c = slaColours(models::SlaState(slaState));
    QFont f = font;
    f.setBold(true);
    const QFontMetrics fm(f);
    const int h = std::min(rect.height() - 4, fm.height() + 4);
    const int w = std::min(rect.width() - 8, fm.horizontalAdvance(text) + 14);
    const QRect pill(rect.left() + 4, rect.center().y() - h / 2, w, h);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(pill, h / 2.0, h / 2.0);
    painter->fillPath(path, c.background);
    painter->setPen(c.text);
    painter->setFont(f);
    painter->drawText(pill, Qt::AlignCenter, fm.elidedText(text, Qt::ElideRight, pill.width() - 8));
    painter->restore();
}

void SlaBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget); // selection background
    const QVariant state = index.data(models::QueueModel::SlaStateRole);
    if (state.isValid())
        paintBadge(painter, option.rect, text, state.toInt(), option.font);
}

QSize SlaBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    return {s.width() + 22, s.height() + 6};
}

} // namespace ibc::ui
