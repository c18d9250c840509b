using TicketMaster.Indexer;

var builder = Host.CreateApplicationBuilder(args);
builder.AddIndexerServices();
builder.Build().Run();

/// <summary>Visible to the tests, which build the same host.</summary>
public partial class Program;
