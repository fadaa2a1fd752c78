/** What every CSV the system writes or reads shares: the guard against spreadsheet formula injection. */
package cn.gdeea.examphoto.csv;
