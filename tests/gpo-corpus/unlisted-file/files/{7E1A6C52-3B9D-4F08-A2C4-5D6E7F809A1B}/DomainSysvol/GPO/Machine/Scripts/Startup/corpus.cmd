@echo off
rem corpus: a startup script nobody listed
