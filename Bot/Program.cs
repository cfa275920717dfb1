using OrganBot.Bot.Auth;
using OrganBot.Bot.Endpoints;
using OrganBot.Bot.Protocol;
using OrganBot.Bot.Scheduling;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs;

var builder = WebApplication.CreateBuilder(args);

builder.AddBotProtocol();   // Activity JSON, connector client, turn processing
builder.AddBotAuth();       // inbound JWT validation, outbound tokens (dev mode without MicrosoftAppId)
builder.AddBotStorage();    // EF Core: SQLite by default, PostgreSQL when configured
builder.AddReminderScheduling(); // 主题党日 and other event reminders: Quartz, RSVP, 提醒管理
builder.Services.AddDialogs();
builder.Services.AddProblemDetails();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapBotEndpoints();
app.Run();
