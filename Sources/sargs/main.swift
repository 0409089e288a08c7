CommandLineRunner.run()
