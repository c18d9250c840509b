using TicketMaster.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddApiServices();

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.MapApiEndpoints();
app.Run();

/// <summary>Visible to the tests, which host the real app on Kestrel.</summary>
public partial class Program;
