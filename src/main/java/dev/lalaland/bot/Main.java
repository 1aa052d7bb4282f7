package dev.lalaland.bot; public class Main { public static void main(String[] a){} }
