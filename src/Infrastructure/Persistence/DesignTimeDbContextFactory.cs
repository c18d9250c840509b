using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TicketMaster.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the MySQL model without a server: the server
/// version is fixed here, never detected.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TicketMasterDbContext>
{
    public TicketMasterDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<TicketMasterDbContext>();
        DatabaseRegistration.Configure(builder, new DatabaseOptions
        {
            Provider = DatabaseProvider.MySql,
            ConnectionString = "Server=localhost;Database=ticketmaster;User=root",
        });
        return new TicketMasterDbContext(builder.Options);
    }
}
