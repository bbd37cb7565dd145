"""The Scrapy project: discover and fetch outlet pages, extract articles, hand them to ``search``."""
