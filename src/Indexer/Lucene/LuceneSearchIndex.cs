using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using TicketMaster.Indexer.Search;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace TicketMaster.Indexer.Lucene;

/// <summary>
/// The embedded search index: a Lucene.NET directory on disk. The folder holds one or more
/// generations (<c>g-&lt;timestamp&gt;</c>) and a <c>CURRENT</c> file naming the live one; a
/// rebuild writes a new generation and renames a new <c>CURRENT</c> over the old, which is
/// atomic, and every process reading the folder follows it. The checkpoint lives in the commit's
/// user data, so documents and checkpoint become durable in the same commit.
/// </summary>
public sealed class LuceneSearchIndex : ISearchIndex, IDisposable
{
    private const string CurrentFile = "CURRENT";
    private const string CheckpointKey = "checkpoint";
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(100);

    private readonly string _root;
    private readonly Analyzer _analyzer = LuceneFields.CreateAnalyzer();
    private readonly object _gate = new();
    private readonly List<Generation> _retired = [];
    private Generation? _live;
    private long _lastRefresh;

    public LuceneSearchIndex(string root)
    {
        _root = Path.GetFullPath(root);
        System.IO.Directory.CreateDirectory(_root);
    }

    /// <summary>Fault injection for the crash test: called after each document a batch writes, before the commit.</summary>
    internal Action<int>? AfterDocumentWritten { get; set; }

    public Task<long?> ReadCheckpointAsync(CancellationToken cancellationToken)
    {
        var live = Live();
        if (live is null)
        {
            return Task.FromResult<long?>(null);
        }

        // From the newest commit a reader has open: unlike listing the commit files, this cannot race
        // a writer in another process deleting the commit before last.
        var searcher = live.Acquire(refresh: true);
        try
        {
            var userData = ((DirectoryReader)searcher.IndexReader).IndexCommit.UserData;
            return Task.FromResult(userData.TryGetValue(CheckpointKey, out var text) ? long.Parse(text, CultureInfo.InvariantCulture) : (long?)null);
        }
        finally
        {
            live.Searchers.Release(searcher);
        }
    }

    public Task ApplyAsync(IndexBatch batch, CancellationToken cancellationToken)
    {
        var live = Live() ?? throw new InvalidOperationException("There is no index yet; build one first.");
        lock (live)
        {
            var writer = live.Writer();
            try
            {
                var stored = StoredVersions(live, batch.Upserts.Select(d => d.EventId).Concat(batch.Removals.Select(r => r.EventId)));
                var written = 0;
                foreach (var document in batch.Upserts)
                {
                    if (stored.TryGetValue(document.EventId, out var version) && version > document.Version)
                    {
                        continue;
                    }

                    writer.UpdateDocument(new Term(LuceneFields.Id, LuceneFields.Key(document.EventId)), LuceneFields.ToDocument(document));
                    AfterDocumentWritten?.Invoke(++written);
                }

                foreach (var removal in batch.Removals)
                {
                    if (!stored.TryGetValue(removal.EventId, out var version) || version <= removal.Version)
                    {
                        writer.DeleteDocuments(new Term(LuceneFields.Id, LuceneFields.Key(removal.EventId)));
                    }
                }

                writer.SetCommitData(new Dictionary<string, string> { [CheckpointKey] = batch.Checkpoint.ToString(CultureInfo.InvariantCulture) });
                writer.Commit();
            }
            catch
            {
                // As if the process had died here: nothing of this batch was committed, and the
                // next run repeats it from the last committed checkpoint.
                live.RollBack();
                throw;
            }

            live.Searchers.MaybeRefreshBlocking();
        }

        return Task.CompletedTask;
    }

    public Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var live = Live();
        if (live is null)
        {
            return Task.FromResult(new SearchResult([], 0, SearchFacets.Empty));
        }

        var now = query.Now ?? DateTime.UtcNow;
        var order = query.Order == SearchOrder.Distance && query.Near is null ? SearchOrder.Date : query.Order;
        var searcher = live.Acquire(ShouldRefresh());
        try
        {
            // Rewritten once (fuzzy words become the terms they match) for both searching and highlighting.
            var text = LuceneQueries.Text(_analyzer, query.Term) is { } parsed ? searcher.Rewrite(parsed) : null;
            var collector = new ResultCollector(order, ResultCollector.Ranges.Of(query, now), query.Offset + query.Limit);
            searcher.Search(LuceneQueries.Combine(text, LuceneQueries.Filters(query)), collector);
            var page = collector.Best().Skip(query.Offset).Take(query.Limit).ToList();
            var highlighter = text is null ? null : new Highlights(text, _analyzer);
            var hits = page.Select(candidate =>
            {
                var stored = searcher.Doc(candidate.Doc);
                return new SearchHit(
                    int.Parse(stored.Get(LuceneFields.Id), CultureInfo.InvariantCulture),
                    candidate.Score,
                    query.Near is null ? null : Math.Round(candidate.DistanceKm, 3),
                    stored.GetField(LuceneFields.Available)?.GetInt32Value() ?? 0,
                    highlighter?.For(stored) ?? []);
            }).ToList();
            return Task.FromResult(new SearchResult(hits, collector.Total, collector.Facets()));
        }
        finally
        {
            live.Searchers.Release(searcher);
        }
    }

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int limit, DateTime now, CancellationToken cancellationToken)
    {
        var live = Live();
        var words = LuceneFields.Words(_analyzer, prefix, SearchLimits.MaxTermWords);
        if (live is null || words.Count == 0 || limit <= 0)
        {
            return Task.FromResult<IReadOnlyList<Suggestion>>([]);
        }

        var query = new BooleanQuery();
        foreach (var word in words)
        {
            query.Add(new TermQuery(new Term(LuceneFields.Suggest, word.Length > LuceneFields.MaxGram ? word[..LuceneFields.MaxGram] : word)), Occur.MUST);
        }

        var searcher = live.Acquire(ShouldRefresh());
        try
        {
            var collector = new ResultCollector(SearchOrder.Relevance, ResultCollector.Ranges.None with { FromTicks = now.Ticks }, limit * 4);
            searcher.Search(query, collector);
            var suggestions = new List<Suggestion>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var candidate in collector.Best())
            {
                var stored = searcher.Doc(candidate.Doc);
                var name = stored.Get(LuceneFields.Name);
                if (seen.Add(name))
                {
                    suggestions.Add(new Suggestion(name, int.Parse(stored.Get(LuceneFields.Id), CultureInfo.InvariantCulture)));
                }

                if (suggestions.Count == limit)
                {
                    break;
                }
            }

            return Task.FromResult<IReadOnlyList<Suggestion>>(suggestions);
        }
        finally
        {
            live.Searchers.Release(searcher);
        }
    }

    public Task<IIndexRebuild> BeginRebuildAsync(CancellationToken cancellationToken)
    {
        var name = $"g-{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}"[..30];
        return Task.FromResult<IIndexRebuild>(new Rebuild(this, name));
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _live?.Dispose();
            _live = null;
            foreach (var retired in _retired)
            {
                retired.Dispose();
            }

            _retired.Clear();
        }

        _analyzer.Dispose();
    }

    /// <summary>Documents per event id, for a test that must see each event exactly once.</summary>
    internal IReadOnlyDictionary<int, int> CountDocumentsPerEvent()
    {
        var live = Live();
        var counts = new Dictionary<int, int>();
        if (live is null)
        {
            return counts;
        }

        var searcher = live.Acquire(refresh: true);
        try
        {
            var reader = searcher.IndexReader;
            var liveDocs = MultiFields.GetLiveDocs(reader);
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (liveDocs is null || liveDocs.Get(doc))
                {
                    var id = int.Parse(reader.Document(doc).Get(LuceneFields.Id), CultureInfo.InvariantCulture);
                    counts[id] = counts.GetValueOrDefault(id) + 1;
                }
            }

            return counts;
        }
        finally
        {
            live.Searchers.Release(searcher);
        }
    }

    private bool ShouldRefresh()
    {
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _lastRefresh) < RefreshInterval.TotalMilliseconds)
        {
            return false;
        }

        Interlocked.Exchange(ref _lastRefresh, now);
        return true;
    }

    private Dictionary<int, long> StoredVersions(Generation live, IEnumerable<int> eventIds)
    {
        var versions = new Dictionary<int, long>();
        var searcher = live.Acquire(refresh: false);
        try
        {
            foreach (var eventId in eventIds.Distinct())
            {
                var top = searcher.Search(new TermQuery(new Term(LuceneFields.Id, LuceneFields.Key(eventId))), 1);
                if (top.TotalHits == 0)
                {
                    continue;
                }

                var doc = top.ScoreDocs[0].Doc;
                var leaf = searcher.IndexReader.Leaves[ReaderUtil.SubIndex(doc, searcher.IndexReader.Leaves)];
                versions[eventId] = leaf.AtomicReader.GetNumericDocValues(LuceneFields.DocumentVersion)?.Get(doc - leaf.DocBase) ?? 0;
            }

            return versions;
        }
        finally
        {
            live.Searchers.Release(searcher);
        }
    }

    /// <summary>The generation <c>CURRENT</c> names, switching to it when another writer swapped one in.</summary>
    private Generation? Live()
    {
        var pointer = Path.Combine(_root, CurrentFile);
        string? name;
        try
        {
            name = File.Exists(pointer) ? File.ReadAllText(pointer).Trim() : null;
        }
        catch (IOException)
        {
            name = _live?.Name;
        }

        if (name is null || name.Length == 0)
        {
            return null;
        }

        lock (_gate)
        {
            if (_live?.Name != name)
            {
                if (_live is not null)
                {
                    // Searches in flight hold their own reader; the old files go when they finish.
                    _retired.Add(_live);
                }

                _live = Generation.Open(Path.Combine(_root, name), name, _analyzer);
            }

            return _live;
        }
    }

    private void SwapIn(string name)
    {
        var pointer = Path.Combine(_root, CurrentFile);
        var temporary = pointer + "." + Guid.NewGuid().ToString("N")[..8];
        File.WriteAllText(temporary, name);
        File.Move(temporary, pointer, overwrite: true);

        // Keep the one before, which another process may still have open; delete older ones.
        var keep = new HashSet<string>(StringComparer.Ordinal) { name, _live?.Name ?? "" };
        Live();
        foreach (var old in System.IO.Directory.GetDirectories(_root, "g-*").Select(Path.GetFileName).OfType<string>()
                     .Where(d => !keep.Contains(d)).Order(StringComparer.Ordinal).SkipLast(1))
        {
            try
            {
                System.IO.Directory.Delete(Path.Combine(_root, old), recursive: true);
            }
            catch (IOException)
            {
                // Still in use somewhere; the next rebuild tries again.
            }
        }
    }

    private static IndexWriterConfig WriterConfig(Analyzer analyzer, OpenMode mode) =>
        new(LuceneFields.Version, analyzer) { OpenMode = mode, RAMBufferSizeMB = 64 };

    /// <summary>One index folder: its directory, a lazily opened writer and a searcher manager over its commits.</summary>
    private sealed class Generation : IDisposable
    {
        private readonly Analyzer _analyzer;
        private IndexWriter? _writer;

        private Generation(string name, LuceneDirectory directory, Analyzer analyzer)
        {
            Name = name;
            Directory = directory;
            _analyzer = analyzer;
            Searchers = new SearcherManager(directory, null);
        }

        public string Name { get; }

        public LuceneDirectory Directory { get; }

        /// <summary>Sees commits only: a half-written batch is never searchable.</summary>
        public SearcherManager Searchers { get; }

        /// <summary>
        /// Buffered file reads, not <see cref="FSDirectory.Open(string)"/>'s memory mapping: Lucene.NET reads a
        /// mapped file a byte at a time through a SafeHandle, which was about 7 % of the Api's CPU under the
        /// search bench (stored fields, postings); the page cache serves both alike.
        /// </summary>
        public static Generation Open(string path, string name, Analyzer analyzer) => new(name, new NIOFSDirectory(path), analyzer);

        public IndexSearcher Acquire(bool refresh)
        {
            if (refresh)
            {
                Searchers.MaybeRefresh();
            }

            return Searchers.Acquire();
        }

        public IndexWriter Writer() => _writer ??= new IndexWriter(Directory, WriterConfig(_analyzer, OpenMode.APPEND));

        public void RollBack()
        {
            _writer?.Rollback();
            _writer = null;
        }

        public void Dispose()
        {
            _writer?.Dispose();
            Searchers.Dispose();
            Directory.Dispose();
        }
    }

    private sealed class Rebuild(LuceneSearchIndex index, string name) : IIndexRebuild
    {
        private readonly FSDirectory _directory = FSDirectory.Open(Path.Combine(index._root, name));
        private IndexWriter? _writer;
        private bool _swapped;

        public Task AddAsync(IReadOnlyList<EventDocument> documents, CancellationToken cancellationToken)
        {
            _writer ??= new IndexWriter(_directory, WriterConfig(index._analyzer, OpenMode.CREATE));
            foreach (var document in documents)
            {
                _writer.AddDocument(LuceneFields.ToDocument(document));
            }

            return Task.CompletedTask;
        }

        public Task SwapInAsync(long checkpoint, CancellationToken cancellationToken)
        {
            _writer ??= new IndexWriter(_directory, WriterConfig(index._analyzer, OpenMode.CREATE));
            _writer.SetCommitData(new Dictionary<string, string> { [CheckpointKey] = checkpoint.ToString(CultureInfo.InvariantCulture) });
            _writer.ForceMerge(1);
            _writer.Commit();
            _writer.Dispose();
            _writer = null;
            _directory.Dispose();
            index.SwapIn(name);
            _swapped = true;
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            if (!_swapped)
            {
                _writer?.Rollback();
                _directory.Dispose();
                try
                {
                    System.IO.Directory.Delete(Path.Combine(index._root, name), recursive: true);
                }
                catch (IOException)
                {
                    // Left for the next rebuild to clear.
                }
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Matched words in <c>&lt;em&gt;</c>, everything else HTML-encoded, so a fragment is safe to render.</summary>
    private sealed class Highlights(Query rewritten, Analyzer analyzer)
    {
        private static readonly string[] Fields = [LuceneFields.Name, LuceneFields.Performers, LuceneFields.Venue, LuceneFields.Description];

        public IReadOnlyList<Highlight> For(global::Lucene.Net.Documents.Document stored)
        {
            var highlights = new List<Highlight>();
            foreach (var field in Fields)
            {
                var text = stored.Get(field);
                if (string.IsNullOrEmpty(text))
                {
                    continue;
                }

                var highlighter = new Highlighter(new SimpleHTMLFormatter("<em>", "</em>"), new SimpleHTMLEncoder(), new QueryScorer(rewritten, field))
                {
                    TextFragmenter = new SimpleFragmenter(120),
                };
                var fragments = highlighter.GetBestFragments(analyzer, field, text, 2);
                if (fragments.Length > 0)
                {
                    highlights.Add(new Highlight(field, fragments));
                }
            }

            return highlights;
        }
    }
}
