using System.Data;
using Dapper;

namespace Dispatch.ServiceDefaults.Data;

/// <summary>Npgsql reads <c>timestamptz</c> as a UTC DateTime; the API speaks DateTimeOffset.</summary>
internal sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = value.UtcDateTime;

    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        DateTimeOffset offset => offset,
        _ => throw new DataException($"Cannot read {value.GetType()} as a DateTimeOffset."),
    };
}
