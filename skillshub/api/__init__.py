"""The JSON API (django-ninja): versioned routers, schemas and RFC 9457 problem details."""
