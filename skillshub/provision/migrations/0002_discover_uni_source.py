"""Discover Uni joins the sources a provider listing, site or offer can come from."""

from django.db import migrations, models

SOURCES = [
    ("course-directory", "National Careers Service course directory"),
    ("fat", "Find apprenticeship training"),
    ("roatp", "Register of apprenticeship training providers"),
    ("ofs", "Office for Students Register"),
    ("discover-uni", "Discover Uni (Office for Students / HESA)"),
    ("provider", "Published by the provider on Skills Hub"),
]


class Migration(migrations.Migration):
    dependencies = [("provision", "0001_initial")]

    operations = [
        migrations.AlterField(
            model_name="providerlisting",
            name="source",
            field=models.CharField(choices=SOURCES, max_length=30),
        ),
        migrations.AlterField(
            model_name="providersite",
            name="source",
            field=models.CharField(choices=SOURCES, max_length=30),
        ),
        migrations.AlterField(
            model_name="offer",
            name="source",
            field=models.CharField(choices=SOURCES, db_index=True, max_length=30),
        ),
    ]
