"""The parts of the knowledge section's demo content (materials/demo_content.py builds them in order):
illustrations, news, articles, legal acts and the materials library."""
