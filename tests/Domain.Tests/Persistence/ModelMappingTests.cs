using Microsoft.EntityFrameworkCore;
using TicketMaster.Booking;
using TicketMaster.Persistence;

namespace TicketMaster.Domain.Tests.Persistence;

/// <summary>The core's context gets its mapping and its provider from Infrastructure (ADR 0012).</summary>
public sealed class ModelMappingTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public void The_context_tells_MySQL_as_Pomelo_does(DatabaseProvider provider)
    {
        using var db = Context(provider);

        Assert.Equal(db.Database.IsMySql(), db.IsMySql);
        Assert.Equal(provider == DatabaseProvider.MySql, db.IsMySql);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public void The_context_is_mapped_to_the_snake_case_tables(DatabaseProvider provider)
    {
        using var db = Context(provider);

        Assert.Equal("event_seats", db.Model.FindEntityType(typeof(EventSeat))!.GetTableName());
    }

    [Fact]
    public void A_context_built_without_the_mapping_says_how_to_get_it()
    {
        var options = new DbContextOptionsBuilder<TicketMasterDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new TicketMasterDbContext(options);

        var error = Assert.Throws<InvalidOperationException>(() => db.Model);

        Assert.Contains("UseTicketMasterModel", error.Message, StringComparison.Ordinal);
    }

    private static TicketMasterDbContext Context(DatabaseProvider provider)
    {
        // No connection is opened: the MySQL server version is configured, never detected.
        var builder = new DbContextOptionsBuilder<TicketMasterDbContext>();
        DatabaseRegistration.Configure(builder, new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = provider == DatabaseProvider.MySql ? "Server=localhost;Database=ticketmaster;User=root" : "Data Source=:memory:",
        });
        return new TicketMasterDbContext(builder.Options);
    }
}
