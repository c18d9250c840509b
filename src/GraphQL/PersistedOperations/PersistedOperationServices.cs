namespace TicketMaster.GraphQL.PersistedOperations;

public static class PersistedOperationServices
{
    public static IServiceCollection AddPersistedOperations(this IServiceCollection services)
    {
        services.AddOptions<PersistedOperationOptions>().BindConfiguration(PersistedOperationOptions.SectionName);
        services.AddSingleton<OperationStore>();
        services.AddSingleton<PersistedOperationRequests>();
        return services;
    }
}
