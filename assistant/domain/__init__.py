"""Pure domain code: records, NIP, golongan, 9-box, evidence, ranking.

Imports nothing from langchain, chromadb, fastapi or streamlit.
"""
