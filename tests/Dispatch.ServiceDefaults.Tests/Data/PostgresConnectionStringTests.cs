using Dispatch.ServiceDefaults.Data;

namespace Dispatch.ServiceDefaults.Tests.Data;

public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void A_postgres_url_becomes_npgsql_keywords()
    {
        var builder = PostgresConnectionString.Parse("postgres://dispatch:s%40cret@db.local:6543/dispatch_needs?Maximum%20Pool%20Size=7");

        Assert.Equal("db.local", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("dispatch", builder.Username);
        Assert.Equal("s@cret", builder.Password);
        Assert.Equal("dispatch_needs", builder.Database);
        Assert.Equal(7, builder.MaxPoolSize);
    }

    [Fact]
    public void A_url_without_port_or_database_uses_the_defaults()
    {
        var builder = PostgresConnectionString.Parse("postgresql://u:p@localhost");

        Assert.Equal(5432, builder.Port);
        Assert.Null(builder.Database);
    }

    [Fact]
    public void A_keyword_connection_string_is_kept_as_it_is()
    {
        var builder = PostgresConnectionString.Parse("Host=h;Port=1;Database=d;Username=u;Password=p");

        Assert.Equal("h", builder.Host);
        Assert.Equal("d", builder.Database);
    }
}
