#pragma once

#include <QIcon>
#include <QStyledItemDelegate>

namespace ibc::ui {

// The queue's reference column: an item the store refused a change to carries a marker before its
// reference (an amber disc with "!"), with the reason to look in Conflicts in its tooltip.
class ConflictMarkerDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit ConflictMarkerDelegate(QObject *parent = nullptr);
    static QIcon markerIcon(int size);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    QIcon m_icon;
};

} // namespace ibc::ui
