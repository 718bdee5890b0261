"""The Word draft: context (formatted figures), narrative (drafted sentences), charts, render."""
