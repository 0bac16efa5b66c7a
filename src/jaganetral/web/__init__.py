"""The web application: server-rendered pages over the services (see :func:`jaganetral.web.app.create_app`)."""
