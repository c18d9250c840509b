using GraphQL;

namespace TicketMaster.Api.GraphQL;

public static class GraphQLServices
{
    /// <summary>The schema, its graph types and the execution rules every request runs under.</summary>
    public static IServiceCollection AddTicketMasterGraphQL(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<TicketMasterSchema>()
            .AddGraphTypes(typeof(TicketMasterSchema).Assembly)
            .AddSystemTextJson()
            .AddComplexityAnalyzer(complexity =>
            {
                complexity.MaxDepth = 15;
                complexity.MaxComplexity = 25_000;
            })
            .AddErrorInfoProvider(errors => errors.ExposeExceptionDetails = environment.IsDevelopment()));
        return services;
    }
}
