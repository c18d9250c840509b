using TicketMaster.Api;
using TicketMaster.GraphQL.PersistedOperations;

var builder = WebApplication.CreateBuilder(args);
if (RegisterOperationsCommand.IsInvoked(args))
{
    return await RegisterOperationsCommand.RunAsync(builder.Configuration, builder.Environment, args, Console.Out);
}

builder.AddApiServices();
var app = builder.Build();

await app.InitializeDatabaseAsync();
app.MapApiEndpoints();
app.Run();
return 0;

/// <summary>Visible to the tests, which host the real app on Kestrel.</summary>
public partial class Program;
