using TicketMaster.Api;
using TicketMaster.GraphQL.PersistedOperations;

var builder = WebApplication.CreateBuilder(args);
builder.AddApiServices();

var app = builder.Build();
if (RegisterOperationsCommand.IsInvoked(args))
{
    return await RegisterOperationsCommand.RunAsync(app.Services, args, Console.Out);
}

await app.InitializeDatabaseAsync();
app.MapApiEndpoints();
app.Run();
return 0;

/// <summary>Visible to the tests, which host the real app on Kestrel.</summary>
public partial class Program;
