enum _PlaceholderSite {}
