using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace TicketMaster.Persistence;

/// <summary>
/// Gives <see cref="TicketMasterDbContext"/> its mapping: the entity type configurations of this
/// assembly, snake_case names, utf8mb4 on MySQL and UTC times. The core declares the sets but cannot
/// see this assembly (references point inward, ADR 0012), so EF runs this in place of its own
/// customizer, which only calls the context's OnModelCreating. Installed by
/// <see cref="DatabaseRegistration.UseTicketMasterModel(DbContextOptionsBuilder)"/> wherever options are built.
/// </summary>
internal sealed class TicketMasterModelCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        // Tells the context's OnModelCreating that the mapping is on its way; gone before the model is used.
        modelBuilder.HasAnnotation(TicketMasterDbContext.MappingAnnotation, true);
        base.Customize(modelBuilder, context);
        modelBuilder.Model.RemoveAnnotation(TicketMasterDbContext.MappingAnnotation);

        modelBuilder.HasCharSet("utf8mb4");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TicketMasterModelCustomizer).Assembly);
        StoreTimesAsUtc(modelBuilder);
        SnakeCaseNames.Apply(modelBuilder);
    }

    /// <summary>
    /// Every stored time is UTC; <see cref="UtcDateTimeConverter"/> restores DateTimeKind.Utc on the
    /// way out, which neither MySQL's DATETIME nor SQLite's TEXT remember. What the context's
    /// ConfigureConventions did with <c>Properties&lt;DateTime&gt;().HaveConversion</c>, set on each
    /// property here because conventions are configured before any customizer runs.
    /// </summary>
    private static void StoreTimesAsUtc(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetDeclaredProperties().Concat(entity.GetDeclaredComplexProperties().SelectMany(complex => complex.ComplexType.GetProperties())))
            {
                // A property that brought its own converter (a venue's wall clock) is not a UTC instant.
                if ((property.ClrType == typeof(DateTime) || property.ClrType == typeof(DateTime?)) && property.GetValueConverter() is null)
                {
                    property.SetValueConverter(typeof(UtcDateTimeConverter));
                }
            }
        }
    }
}
