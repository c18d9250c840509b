using Microsoft.Extensions.Configuration;
using TicketMaster.GraphQL.Transport;
using TicketMaster.Api.Ide;
using TicketMaster.Api.Live;
using TicketMaster.Api.Users;
using TicketMaster.Booking;
using TicketMaster.DemoData;
using TicketMaster.Indexer.Outbox;
using TicketMaster.Indexer.Search;
using TicketMaster.Live;
using TicketMaster.Payments;
using TicketMaster.Persistence;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TicketMaster.Api.Tests.Infrastructure;

/// <summary>
/// There is no Docker engine here, so docker-compose.yml is checked by parsing it (YamlDotNet,
/// with YAML merge keys as Compose resolves them) and by binding the Api's and Indexer's
/// environment to the options classes the apps bind, rejecting keys no class has.
/// </summary>
public sealed class ComposeFileTests
{
    /// <summary>Every configuration section the Api or Indexer binds, by the class it binds to.</summary>
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [DatabaseOptions.SectionName] = typeof(DatabaseOptions),
        [DemoDataOptions.SectionName] = typeof(DemoDataOptions),
        [AuthOptions.SectionName] = typeof(AuthOptions),
        [BookingOptions.SectionName] = typeof(BookingOptions),
        [IdeOptions.SectionName] = typeof(IdeOptions),
        [GraphQLHttpOptions.SectionName] = typeof(GraphQLHttpOptions),
        [SearchOptions.SectionName] = typeof(SearchOptions),
        [IndexerOptions.SectionName] = typeof(IndexerOptions),
        [AvailabilityOptions.SectionName] = typeof(AvailabilityOptions),
        [PaymentOptions.SectionName] = typeof(PaymentOptions),
        [TicketMaster.Notifications.MailOptions.SectionName] = typeof(TicketMaster.Notifications.MailOptions),
        [TicketMaster.Notifications.NotificationOptions.SectionName] = typeof(TicketMaster.Notifications.NotificationOptions),
        [TicketMaster.Tickets.TicketOptions.SectionName] = typeof(TicketMaster.Tickets.TicketOptions),
    };

    private static readonly YamlMappingNode Services = (YamlMappingNode)Load()["services"];

    [Fact]
    public void The_stack_has_mysql_redis_elasticsearch_the_api_and_the_indexer_each_with_a_health_check()
    {
        Assert.Equal(["mysql", "redis", "elasticsearch", "mailpit", "api", "indexer"], Services.Children.Keys.Select(k => k.ToString()));
        Assert.All(Services.Children, service => Assert.True(((YamlMappingNode)service.Value).Children.ContainsKey("healthcheck"), $"{service.Key} has no healthcheck"));
        Assert.Equal("mysql:8.4", Scalar("mysql", "image"));
        Assert.StartsWith("redis:7", Scalar("redis", "image"), StringComparison.Ordinal);
        Assert.StartsWith("docker.elastic.co/elasticsearch/elasticsearch:9.", Scalar("elasticsearch", "image"), StringComparison.Ordinal);
        Assert.Equal("single-node", Environment("elasticsearch")["discovery.type"]);
        Assert.Equal(["5000:8080"], ((YamlSequenceNode)Service("api")["ports"]).Select(p => p.ToString()));
    }

    [Fact]
    public void The_api_and_the_indexer_are_built_from_dockerfiles_in_the_repository()
    {
        foreach (var name in new[] { "api", "indexer" })
        {
            var build = (YamlMappingNode)Service(name)["build"];
            Assert.True(File.Exists(Path.Combine(Repository.Root, build["dockerfile"].ToString())), $"{name}: {build["dockerfile"]} is missing");
        }
    }

    [Fact]
    public void Every_dependency_names_a_service_of_the_file()
    {
        foreach (var (name, service) in Services.Children.Select(c => (c.Key.ToString(), (YamlMappingNode)c.Value)))
        {
            if (service.Children.TryGetValue("depends_on", out var dependsOn))
            {
                Assert.All(((YamlMappingNode)dependsOn).Children.Keys, dependency => Assert.True(Services.Children.ContainsKey(dependency), $"{name} depends on unknown {dependency}"));
            }
        }
    }

    [Theory]
    [InlineData("api")]
    [InlineData("indexer")]
    public void Every_environment_variable_is_a_configuration_key_the_app_reads_with_a_value_it_accepts(string name)
    {
        var environment = Environment(name);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment.ToDictionary(e => e.Key.Replace("__", ":", StringComparison.Ordinal), e => (string?)e.Value))
            .Build();

        foreach (var section in configuration.GetChildren())
        {
            if (section.Key == "ConnectionStrings")
            {
                Assert.Subset(new HashSet<string> { DatabaseOptions.ConnectionStringName, LiveServices.RedisConnectionStringName }, section.GetChildren().Select(c => c.Key).ToHashSet());
                continue;
            }

            Assert.True(Sections.TryGetValue(section.Key, out var type), $"{name}: no option class reads the section '{section.Key}'");

            // Unknown keys and values that do not convert (a misspelt enum, a bad TimeSpan) throw here.
            section.Get(type, binder => binder.ErrorOnUnknownConfiguration = true);
        }

        Assert.Equal("Elasticsearch", configuration["Search:Provider"]);
        Assert.Equal("MySql", configuration["Database:Provider"]);
    }

    [Fact]
    public void Only_the_indexer_service_runs_the_indexing_job()
    {
        Assert.Equal("false", Environment("api")["Indexer__RunInApi"]);
        Assert.DoesNotContain("Indexer__RunInApi", Environment("indexer").Keys);
    }

    private static YamlMappingNode Load()
    {
        using var reader = new StreamReader(Path.Combine(Repository.Root, "docker-compose.yml"));
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(reader)));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlMappingNode Service(string name) => (YamlMappingNode)Services[name];

    private static string Scalar(string service, string key) => Service(service)[key].ToString();

    /// <summary>The service's environment as Compose sets it when no variable is exported: <c>${VAR:-default}</c> is the default.</summary>
    private static Dictionary<string, string> Environment(string service) =>
        ((YamlMappingNode)Service(service)["environment"]).Children.ToDictionary(
            e => e.Key.ToString(),
            e => System.Text.RegularExpressions.Regex.Replace(e.Value.ToString(), @"\$\{[A-Za-z_][A-Za-z0-9_]*:-([^}]*)\}", match => match.Groups[1].Value));
}
