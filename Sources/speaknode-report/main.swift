print("speaknode-report")
