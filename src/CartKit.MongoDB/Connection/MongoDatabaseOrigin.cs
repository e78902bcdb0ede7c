
namespace CartKit.MongoDB.Connection;

// Where MongoDatabaseSource found the database, in the order it looks.
internal enum MongoDatabaseOrigin
{
    HostDatabase,
    HostClient,
    ConnectionString,
    Configuration,
}
