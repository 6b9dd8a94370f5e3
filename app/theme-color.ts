/** The app's blue, as the browser's window and the installed app's title bar show it. */
export const themeColor = "#0b5cad";
