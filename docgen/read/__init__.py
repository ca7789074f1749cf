"""Reading: markdown pages (markdown-it-py tokens -> Page) and the Type-cell grammar."""
