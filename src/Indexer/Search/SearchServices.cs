using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;
using TicketMaster.Indexer.Documents;
using TicketMaster.Indexer.Elasticsearch;
using TicketMaster.Indexer.Lucene;
using TicketMaster.Indexer.Outbox;

namespace TicketMaster.Indexer.Search;

/// <summary>The search wiring the Api and the Indexer share; configuration picks the adapter.</summary>
public static class SearchServices
{
    /// <summary>The <see cref="ISearchIndex"/> that <c>Search:Provider</c> names, read by both processes.</summary>
    public static IServiceCollection AddSearchIndex(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => configuration.GetSection(SearchOptions.SectionName).Get<SearchOptions>() ?? new SearchOptions());
        services.AddSingleton<ISearchIndex>(provider =>
        {
            var options = provider.GetRequiredService<SearchOptions>();
            return options.Provider switch
            {
                SearchProvider.Lucene => new LuceneSearchIndex(Path.Combine(contentRoot, options.IndexPath ?? Path.Combine("App_Data", "search"))),
                SearchProvider.Elasticsearch => new ElasticsearchSearchIndex(ElasticsearchSearchIndex.CreateClient(options), options.ElasticsearchIndex),
                _ => throw new InvalidOperationException($"Unknown Search:Provider '{options.Provider}'."),
            };
        });
        return services;
    }

    /// <summary>The outbox-to-index job on a Quartz schedule, plus what it needs.</summary>
    public static IServiceCollection AddOutboxIndexing(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(IndexerOptions.SectionName).Get<IndexerOptions>() ?? new IndexerOptions();
        services.AddSingleton(options);
        services.AddSingleton<EventDocumentBuilder>();
        services.AddSingleton<OutboxIndexer>();
        services.AddQuartz(quartz => quartz.ScheduleJob<IndexOutboxJob>(
            trigger => trigger.WithIdentity("index-outbox").StartNow().WithSimpleSchedule(schedule => schedule.WithInterval(options.Interval).RepeatForever()),
            job => job.WithIdentity("index-outbox")));
        if (!services.Any(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && d.ImplementationType == typeof(QuartzHostedService)))
        {
            services.AddQuartzHostedService(quartz => quartz.WaitForJobsToComplete = true);
        }

        return services;
    }
}
