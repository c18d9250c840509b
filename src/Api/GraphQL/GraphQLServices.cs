using GraphQL;
using TicketMaster.Api.GraphQL.Transport;

namespace TicketMaster.Api.GraphQL;

public static class GraphQLServices
{
    /// <summary>The schema, its graph types and the execution rules every request runs under.</summary>
    public static IServiceCollection AddTicketMasterGraphQL(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<TicketMasterSchema>()
            .AddGraphTypes(typeof(TicketMasterSchema).Assembly)
            // Relaxed escaping writes non-ASCII text as plain UTF-8 instead of \u escapes; safe because
            // responses are application/json, never embedded in HTML.
            .AddSystemTextJson(json => json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddComplexityAnalyzer(complexity =>
            {
                complexity.MaxDepth = 15;
                complexity.MaxComplexity = 25_000;
                complexity.ValidateComplexityDelegate = GraphQLErrors.CodeComplexityErrorAsync;
                complexity.DefaultComplexityImpactDelegate = IntrospectionComplexity.FreeForIntrospection(complexity.DefaultComplexityImpactDelegate);
            })
            .AddTicketMasterErrors(environment));
        services.AddGraphQLHttpTransport();
        return services;
    }
}
