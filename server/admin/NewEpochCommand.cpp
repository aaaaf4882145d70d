#include "NewEpochCommand.h"

#include "db/DbRunner.h"
#include "db/MigrationRunner.h"

#include <QSqlQuery>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace bizy::server {

int NewEpochCommand::run(const ServerConfig& config) {
    QTextStream err(stderr);
    auto migrated = MigrationRunner(config.database).migrate();
    if (!migrated) {
        err << "new-epoch: " << migrated.error().message << "\n";
        return 1;
    }

    DbRunner runner(config.database, 1);
    int users = 0;
    const QHttpServerResponse response = runner.runHere([&](DbSession& db) {
        // Each row draws its own value: one user's epoch says nothing of another's.
        users =
            db.exec(u"UPDATE users SET sync_epoch = gen_random_uuid()::text"_s).numRowsAffected();
        return QHttpServerResponse(QHttpServerResponse::StatusCode::Ok);
    });
    runner.shutdown();
    if (response.statusCode() != QHttpServerResponse::StatusCode::Ok) {
        err << "new-epoch: failed: " << QString::fromUtf8(response.data()) << "\n";
        return 1;
    }
    QTextStream(stdout) << "new-epoch: gave " << users
                        << " users a new sync epoch; their devices reload and send again "
                           "what this database lacks\n";
    return 0;
}

} // namespace bizy::server
