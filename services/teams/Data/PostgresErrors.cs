using Npgsql;

namespace Dispatch.Teams.Data;

/// <summary>The constraint violations the stores turn into answers instead of errors.</summary>
internal static class PostgresErrors
{
    public static bool IsUniqueViolation(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public static bool IsForeignKeyViolation(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation };
}
