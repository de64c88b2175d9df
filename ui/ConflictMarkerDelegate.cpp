#include "ui/ConflictMarkerDelegate.h"

#include "itemmodels/QueueModel.h"
#include "ui/Theme.h"

#include <QPainter>
#include <QPixmap>

namespace ibc::ui {

ConflictMarkerDelegate::ConflictMarkerDelegate(QObject *parent) : QStyledItemDelegate(parent), m_icon(markerIcon(16)) {}

QIcon ConflictMarkerDelegate::markerIcon(int size)
{
    QIcon icon;
    for (const int scale : {1, 2}) {
        QPixmap pm(size * scale, size * scale);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        const qreal s = size * scale;
        p.setPen(QPen(QColor(0x8A, 0x55, 0x00), 1.0 * scale));
        p.setBrush(QColor(0xF5, 0xB0, 0x41));
        p.drawEllipse(QRectF(0.5 * scale, 0.5 * scale, s - 1.0 * scale, s - 1.0 * scale));
        QFont f;
        f.setBold(true);
        f.setPixelSize(int(s * 0.72));
        p.setFont(f);
        p.setPen(QColor(0x3D, 0x24, 0x00));
        p.drawText(QRectF(0, 0, s, s), Qt::AlignCenter, QStringLiteral("!"));
        p.end();
        pm.setDevicePixelRatio(scale);
        icon.addPixmap(pm);
    }
    return icon;
}

void ConflictMarkerDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(models::QueueModel::ConflictRole).toBool()) {
        option->icon = m_icon;
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->decorationSize = QSize(16, 16);
        option->font.setBold(true);
    }
}

} // namespace ibc::ui
