namespace OrganBot.Cards.Model;

/// <summary>The schema's camelCase names of the card enums, looked up instead of formatted on every write.</summary>
internal static class CardEnums
{
    private static readonly string[] s_textSize = ["small", "default", "medium", "large", "extraLarge"];
    private static readonly string[] s_textWeight = ["lighter", "default", "bolder"];
    private static readonly string[] s_textColor = ["default", "dark", "light", "accent", "good", "warning", "attention"];
    private static readonly string[] s_containerStyle = ["default", "emphasis", "good", "attention", "warning", "accent"];

    public static string Name(TextSize value) => s_textSize[(int)value];

    public static string Name(TextWeight value) => s_textWeight[(int)value];

    public static string Name(TextColor value) => s_textColor[(int)value];

    public static string Name(ContainerStyle value) => s_containerStyle[(int)value];
}
