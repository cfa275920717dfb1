using OrganBot.Bot.Auth;
using OrganBot.Bot.Endpoints;
using OrganBot.Bot.Knowledge;
using OrganBot.Bot.Protocol;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs;

if (KnowledgeCli.Handles(args))
{
    // ask / eval / bench-qa: the speech Q&A engine on the command line, without the web host.
    Console.OutputEncoding = System.Text.Encoding.UTF8;
    return await KnowledgeCli.RunAsync(args, Console.In, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddBotProtocol();   // Activity JSON, connector client, turn processing
builder.AddBotAuth();       // inbound JWT validation, outbound tokens (dev mode without MicrosoftAppId)
builder.AddBotStorage();    // EF Core: SQLite by default, PostgreSQL when configured
builder.AddKnowledge();     // speech Q&A: index from seeds/speech.txt, answer cards, votes, optional Azure OpenAI
builder.Services.AddDialogs();
builder.Services.AddProblemDetails();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapBotEndpoints();
app.Run();
return 0;
