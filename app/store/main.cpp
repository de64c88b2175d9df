// ibc-store: the central shared-services store. Wiring only: the command line to the command
// (sync/admin), which opens the store and runs the server or the administrative task asked for.
#include "admin/Commands.h"

#include <QString>
#include <QStringList>

int main(int argc, char **argv)
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    return ibc::admin::runStoreCommand(args);
}
